# Ints just past the 48-bit small range up to and past the machine word: the
# boundaries where a heap int keeps a word or needs digits.
M = 2 ** 63
edges = [2 ** 47 - 1, 2 ** 47, -2 ** 47, -2 ** 47 - 1, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1,
         M - 1, M, -M, -M - 1, -M + 1]
for e in edges:
    print(e, -e, e + 1, e - 1, e * 3, e // 7, e % 7, e // -7, e % -7, -e // 3)
    print(e >> 3, e << 2, e & 65535, e | 1, e ^ -1, ~e, abs(e))
    print(e == float(e), e < float(e) + 1.0, e / 3, {e: 1}.get(float(e), e))
print((-M) // -1, (-M) % -1, divmod(-M, -1), -(-M), abs(-M))
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, (2 ** 62 + 1) / (2 ** 62 + 3))
print((M - 1) * (M - 1), (M - 1) + (M - 1), (-M) - 1, (-M) * -1)
seed = 12345
total = 0
for i in range(2000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    big = seed * seed * 31
    total += big % 1000003 - (big // 4096) % 17
print(seed, total, big)
d = {2 ** 50: "a", 2 ** 64: "b", 2.0 ** 50: "c"}
print(d, d[2 ** 50], 2 ** 50 in d, str(2 ** 60), repr(-2 ** 60), f"{2 ** 60:,}", f"{-2 ** 55:>30}")
print(int("123456789012345678"), int(2.0 ** 60), float(2 ** 60 + 1), round(2 ** 60 / 3))
print(sorted([2 ** 60, -2 ** 50, 3, 2 ** 70, 2.5e18]), max(2 ** 62, 2 ** 61), min(-M, -M + 1))
print(pow(2 ** 40 + 3, 2, 2 ** 61 - 1), pow(3, 39), (2 ** 62) ** 2, 10 ** 18 // 10 ** 9)
print([1, 2, 3][2 ** 62 // 2 ** 62], "ab" * (2 ** 50 // 2 ** 49), 2 ** 50 in range(2 ** 51))
