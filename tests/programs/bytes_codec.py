# Text to bytes and back, a hand-written base64 encoder, and a hex dump.
ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64encode(data):
    out = bytearray()
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        quad = bytearray()
        for shift in (18, 12, 6, 0):
            quad.append(ALPHABET[(n >> shift) & 63])
        if len(chunk) < 3:
            quad[len(chunk) + 1:] = b"=" * (3 - len(chunk))
        out += quad
    return bytes(out)


def b64decode(text):
    out = bytearray()
    clean = text.rstrip(b"=")
    for i in range(0, len(clean), 4):
        group = clean[i:i + 4]
        n = 0
        for c in group:
            n = n * 64 + ALPHABET.index(bytes([c]))
        n <<= 6 * (4 - len(group))
        out += n.to_bytes(3, "big")[:len(group) - 1]
    return bytes(out)


def hexdump(data, width=8):
    for offset in range(0, len(data), width):
        row = data[offset:offset + width]
        hexes = " ".join(f"{b:02x}" for b in row)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in row)
        print(f"{offset:08x}  " + hexes.ljust(width * 3) + f" |{text}|")


for message in ["", "f", "fo", "foo", "foobar", "héllo wörld", "日本語 ✓"]:
    raw = message.encode()
    enc = b64encode(raw)
    back = b64decode(enc).decode("utf-8")
    print(repr(message), len(raw), enc, back == message)

hexdump("Grüße, bytes!\n\x00\x01".encode("utf-8"))

print("café".encode("latin-1"), "café".encode("ascii", "replace"), "café".encode("ascii", "ignore"))
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("utf-8", "replace"), b"caf\xe9".decode("ascii", "ignore"))
print("x".encode("UTF8"), b"abc".decode("us-ascii"), "ÿ".encode("iso-8859-1"), str(b"ok", "utf-8"))
for bad in [b"\xff", b"ab\xc3", b"\xe2\x82", b"\xe2\x28\xa1", b"\xed\xa0\x80", b"a\x80b"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("decode:", e)
    print(bad.decode("utf-8", "replace"), len(bad.decode("utf-8", "ignore")))
for text, codec in [("naïve", "ascii"), ("€100", "latin-1"), ("ab€€cd", "ascii"), ("😀", "latin-1")]:
    try:
        text.encode(codec)
    except UnicodeEncodeError as e:
        print("encode:", e)
    except UnicodeError as e:
        print("unicode:", e)
try:
    b"\x80".decode("ascii")
except ValueError as e:
    print(type(e).__name__, e)
