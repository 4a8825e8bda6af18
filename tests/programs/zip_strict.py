def gen(n):
    for i in range(n):
        yield i


for args in [([1, 2], "ab"), ([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([], [], []), (gen(3), "abc", range(3))]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    for a, b in zip(range(5), range(4), strict=True):
        pass
except ValueError as e:
    print("loop:", e, a, b)
print(list(zip("ab", "cde", strict=False)), dict(zip("xy", (1, 2), strict=True)))
