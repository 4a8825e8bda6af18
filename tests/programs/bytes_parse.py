# Parsing a little binary format by hand: a header, records of fixed-width
# little- and big-endian fields, and a trailer, with int.from_bytes and to_bytes.


def pack_record(ident, temperature, name):
    raw = name.encode("utf-8")
    return (ident.to_bytes(4, "little")
            + temperature.to_bytes(2, "big", signed=True)
            + len(raw).to_bytes(1, "big")
            + raw)


def build_file(records):
    body = bytearray()
    for r in records:
        body += pack_record(*r)
    header = b"SNSR" + len(records).to_bytes(2, "big") + len(body).to_bytes(4, "big")
    checksum = sum(body) & 65535
    return header + bytes(body) + checksum.to_bytes(2, "little")


def parse_file(data):
    if data[:4] != b"SNSR":
        raise ValueError("bad magic: %r" % data[:4])
    count = int.from_bytes(data[4:6], "big")
    size = int.from_bytes(data[6:10], byteorder="big")
    body = data[10:10 + size]
    trailer = int.from_bytes(data[10 + size:], "little")
    if sum(body) & 65535 != trailer:
        raise ValueError("checksum mismatch")
    pos = 0
    out = []
    for _ in range(count):
        ident = int.from_bytes(body[pos:pos + 4], "little")
        temp = int.from_bytes(body[pos + 4:pos + 6], "big", signed=True)
        n = body[pos + 6]
        name = body[pos + 7:pos + 7 + n].decode()
        out.append((ident, temp, name))
        pos += 7 + n
    return out


records = [(1, 215, "kitchen"), (70000, -40, "freezer"), (2 ** 31, 1000, "oven ♨"), (0, 0, "")]
blob = build_file(records)
print(len(blob), blob[:10], blob[-2:])
parsed = parse_file(blob)
for r in parsed:
    print(r)
print(parsed == records)

broken = bytearray(blob)
broken[12] ^= 255
try:
    parse_file(bytes(broken))
except ValueError as e:
    print("error:", e)
try:
    parse_file(b"JUNK" + blob[4:])
except ValueError as e:
    print("error:", e)

for n in [0, 1, 255, 256, 65535, -1, -32768, 2 ** 64 - 1]:
    signed = n < 0
    width = max(1, (n.bit_length() + 8) // 8) if signed else max(1, (n.bit_length() + 7) // 8)
    b = n.to_bytes(width, "big", signed=signed)
    print(n, width, b, int.from_bytes(b, "big", signed=signed) == n, b[::-1] == n.to_bytes(width, "little", signed=signed))
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
print(int.from_bytes(bytearray(b"\x01\x02"), "little"), int.from_bytes([1, 0, 0], "little"), (1024).to_bytes(3, "little"))
for bad in [(256, 1, False), (-1, 2, False), (128, 1, True)]:
    try:
        bad[0].to_bytes(bad[1], "big", signed=bad[2])
    except OverflowError as e:
        print("overflow:", e)
try:
    int.from_bytes(b"\x01", "middle")
except ValueError as e:
    print("value:", e)
