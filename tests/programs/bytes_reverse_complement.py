# Reverse complements of generated DNA records, done on bytes with a translation table
# and written through sys.stdout.buffer in 60-column lines.
import sys

COMPLEMENT = bytes.maketrans(b"ACGTUMRWSYKVHDBNacgtumrwsykvhdbn", b"TGCAAKYWSRMBDHVNTGCAAKYWSRMBDHVN")


def generate(n, seed=42):
    alphabet = b"ACGTNacgt"
    out = bytearray()
    state = seed
    for _ in range(n):
        state = (state * 3877 + 29573) % 139968
        out.append(alphabet[state % len(alphabet)])
    return bytes(out)


def records():
    for i, n in enumerate((75, 130, 61)):
        yield b">seq%d generated length=%d" % (i, n), generate(n, seed=i + 7)


def write_wrapped(write, data, width=60):
    for start in range(0, len(data), width):
        write(data[start:start + width] + b"\n")


write = sys.stdout.buffer.write
total = 0
for header, body in records():
    write(header + b"\n")
    rc = body.translate(COMPLEMENT)[::-1]
    write_wrapped(write, rc)
    total += len(rc)
    gc = rc.upper().translate(None, b"AT")
    write(b"GC without N: %d\n" % len(gc.translate(None, b"N")))
sys.stdout.buffer.flush()
print("total", total, COMPLEMENT[ord("A")], bytearray(b"acgt").translate(COMPLEMENT))
for bad in (lambda: bytes.maketrans(b"AC", b"T"), lambda: b"ACGT".translate(b"short table")):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
