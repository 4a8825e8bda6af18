# Sorting keys that are all of one builtin type (small ints, floats, strs, tuples led
# by ints or strs) takes a direct comparison; the order must stay exactly the generic
# one: stable among equal keys, reverse keeping equal items in order, NaN and -0.0 as
# `<` treats them, strs by code point (non-ASCII and astral included), tuples falling
# back to later items when the first are equal, and mixed keys the generic way.


class Tag(tuple):
    # A tuple of a user class with its own order: it must not take the tuple path.
    def __lt__(self, other):
        return self[1] < other[1]


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "Loud(%r)" % self.v


def seq(n, m):
    x = 7
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % m)
    return out


ints = seq(300, 50)
pairs = list(enumerate(ints))
print(sorted(ints)[:20], sorted(ints)[-5:])
print([i for i, _ in sorted(pairs, key=lambda p: p[1])][:30])
print([i for i, _ in sorted(pairs, key=lambda p: p[1], reverse=True)][:30])
print(sorted([3, -2, 2**40, -(2**40), 0, 7]))
print(sorted([2**70, 5, -(2**70), 1]))

nan = float("nan")
floats = [2.5, -0.0, 0.0, 1e300, -1e-300, 3.25, -7.5]
print(sorted(floats))
print(sorted(floats, reverse=True))
withnan = [3.0, nan, 1.0, 2.0, nan, 0.5]
print(sorted(withnan))
print(sorted([1.5, 2, 0.5, True, -1]))

words = ["pear", "Apple", "apple", "éclair", "zebra", "Zebra", "日本", "a\U0001F600", "a\uffff", "", "ab", "a"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))

rows = [(p % 3, "k%d" % (p % 5), p) for p in ints[:40]]
print(sorted(rows)[:12])
print(sorted(rows, key=lambda r: (r[1], -r[2]))[:12])
print(sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)[:12])
print(sorted([(1, nan), (1, 0.5), (0, 2.0), (1, -1.0)])[:2])
print(sorted([("b", 2), ("a", 3), ("b", 1), ("a", 3, 0), ("a",)]))
print(sorted([(2, "x"), (1.5, "y"), (1, "z")]))
print(sorted([Tag((1, 9)), Tag((2, 1)), Tag((0, 5))]))
print(sorted([(1, Loud(3)), (1, Loud(1)), (0, Loud(2))]))
print(sorted([(), (1,), (0, 0)]))

try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, 1, None])
except TypeError as e:
    print("TypeError:", e)

data = [[9, 1], [8, 2], [7, 3]]
data.sort(key=lambda p: p[1], reverse=True)
print(data)
