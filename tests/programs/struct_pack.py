# struct: pack/unpack/calcsize/iter_unpack/pack_into/unpack_from and Struct over the byte
# orders, native alignment, ints, floats (doubles and rounded singles), bytes and bools; errors
import struct
print(struct.calcsize("i"), struct.calcsize("<i"), struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("qhb"), struct.calcsize("bq"), struct.calcsize("3s2x"), struct.calcsize("l"), struct.calcsize("<l"), struct.calcsize("?P"))
data = struct.pack("<IhBd", 1, -2, 255, 3.5)
print(data, len(data))
print(struct.unpack("<IhBd", data))
print(struct.pack(">I", 0xDEADBEEF), struct.pack("!H", 513), struct.pack("=q", -1))
print(struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)))
for x in [0.0, -0.0, 1.0, -2.75, 1e300, 5e-324, 2.2250738585072014e-308, 1e-310, float("inf"), -float("inf"), 3.141592653589793]:
    d = struct.pack(">d", x)
    f = struct.pack(">f", x) if abs(x) < 3e38 or x != x or abs(x) == float("inf") else b"-"
    print(x, d.hex(), f.hex() if f != b"-" else "-", struct.unpack(">d", d)[0])
for x in [1e-40, 1.401298464324817e-45, 7e-46, 3.4028234663852886e+38, 1.1754942e-38, 0.333333333]:
    print(x, struct.pack("<f", x).hex(), struct.unpack("<f", struct.pack("<f", x))[0])
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abcdef"), struct.pack("5p", b"abc"), struct.unpack("5p", struct.pack("5p", b"abc")))
print(struct.pack("c?", b"z", 5), struct.unpack("c?", b"z\x00"))
print(list(struct.iter_unpack("<hh", bytes(range(8)))))
s = struct.Struct("<2i")
print(s.size, s.format, s.pack(7, 8), s.unpack(b"\x01\x00\x00\x00\x02\x00\x00\x00"))
buf = bytearray(10)
struct.pack_into("<H", buf, 3, 0xABCD)
print(buf, struct.unpack_from("<H", buf, 3), struct.unpack_from("<H", buf, offset=3))
print(struct.pack("bi", 1, 2), struct.pack("@qb", 1, 2))
for fmt, args in [("b", (200,)), ("<b", (200,)), ("B", (-1,)), ("<B", (256,)), ("h", (40000,)), ("<h", (40000,)), ("H", (-1,)), ("<H", (70000,)),
                  ("i", (2**31,)), ("<i", (2**31,)), ("I", (-1,)), ("<I", (2**32,)), ("l", (2**63,)), ("<l", (2**31,)), ("q", (2**63,)), ("<Q", (-1,)), ("Q", (2**64,)),
                  ("i", (1.5,)), ("d", ("x",)), ("2i", (1,)), ("3s", ("abc",)), ("z", ()), ("<f", (1e39,)), ("c", (b"ab",))]:
    try:
        print(fmt, struct.pack(fmt, *args))
    except (struct.error, OverflowError) as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [("<i", b"\x00"), ("<h", b"\x00" * 5)]:
    try:
        print(struct.unpack(fmt, data))
    except struct.error as e:
        print(fmt, e)
try:
    list(struct.iter_unpack("<h", b"\x00" * 5))
except struct.error as e:
    print(e)
print(isinstance(struct.error("x"), Exception))
