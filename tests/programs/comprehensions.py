# List comprehensions with if and nested for
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([x + y for x in "ab" for y in "12"])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c.upper() for c in "hello" if c not in "aeiou"])
print([k for k in {"a": 1, "b": 2}], [v * 2 for k, v in {"a": 1, "b": 2}.items()])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print(sum([x for x in range(101)]), len([0 for _ in range(7)]))
print([x if x % 2 == 0 else -x for x in range(6)])
print([(i, s) for i, s in enumerate(["a", "b"])])
print([a * b for a, b in zip([1, 2, 3], [4, 5, 6])])
x = 100
r = [x for x in range(3)]
print(x, r)
print([y for y in []], [[] for _ in range(2)])
words = "The quick brown fox jumps over the lazy dog".split()
print([w for w in words if len(w) > 3], [len(w) for w in words])
print(sorted([w.lower() for w in words]))


def sq(n):
    return n * n


print([sq(i) for i in range(5) if sq(i) > 3])
print(any([x > 8 for x in range(10)]), all([x < 10 for x in range(10)]))
print(dict([(w, len(w)) for w in ["aa", "b"]]))


def scaled(lst, factor):
    return [v * factor for v in lst if v != 0]


print(scaled([1, 0, 2, 3], 10), scaled([], 5))
print([x for x in range(30) if x % 2 == 0 and x % 3 == 0])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print([[y for y in range(x)] for x in range(4)])
print([s * 2 for s in ("a", "b")], [n for n in (3, 1, 2)], [ch for ch in "日本"])
print([i for i in range(10, 0, -2)], [str(i) for i in range(3)], "".join([str(i) for i in range(5)]))
flat = [v for sub in [[1, 2], [], [3], [4, 5, 6]] for v in sub]
print(flat, len(flat))
