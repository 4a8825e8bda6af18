# Checksums over bytes in hot loops: CRC-32 from a table, Adler-32, Fletcher-16,
# and a bytearray used as a sieve.


def make_crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            if c & 1:
                c = 3988292384 ^ (c >> 1)
            else:
                c >>= 1
        table.append(c)
    return table


CRC_TABLE = make_crc_table()


def crc32(data):
    crc = 4294967295
    for b in data:
        crc = CRC_TABLE[(crc ^ b) & 255] ^ (crc >> 8)
    return crc ^ 4294967295


def adler32(data):
    a, b = 1, 0
    for i in range(len(data)):
        a = (a + data[i]) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fletcher16(data):
    s1 = s2 = 0
    i = 0
    while i < len(data):
        s1 = (s1 + data[i]) % 255
        s2 = (s2 + s1) % 255
        i += 1
    return (s2 << 8) | s1


def sieve(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    p = 2
    while p * p <= limit:
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, limit + 1, p)))
        p += 1
    return [i for i in range(limit + 1) if flags[i]]


print(hex(crc32(b"The quick brown fox jumps over the lazy dog")))
print(hex(crc32(b"")), hex(crc32(b"a")))
block = bytes(range(256)) * 40
print(len(block), hex(crc32(block)), hex(adler32(block)), hex(fletcher16(block)))
print(hex(adler32(b"Wikipedia")), hex(fletcher16(b"abcdef")))
primes = sieve(20000)
print(len(primes), primes[:10], primes[-3:])

# Building bytes in a loop: a bytearray as a growing buffer.
buf = bytearray()
for i in range(3000):
    buf.append(i % 251)
    if i % 7 == 0:
        buf += b"\xff"
print(len(buf), buf.count(b"\xff"), sum(buf) % 100000, hex(crc32(buf)))
total = 0
for chunk_start in range(0, len(buf), 64):
    chunk = buf[chunk_start:chunk_start + 64]
    total += max(chunk) - min(chunk)
print(total)
