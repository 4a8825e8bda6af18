# Tuple/list unpacking, nested unpacking, chained assignment
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
[x, y] = [10, 20]
print(x, y)
(p, (q, r)) = (1, (2, 3))
print(p, q, r)
a, (b, [c, d]), e = 1, (2, [3, 4]), 5
print(a, b, c, d, e)
[f, g], h = "xy", "z"
print(f, g, h)
m = n = o = 0
print(m, n, o)
m = 5
print(m, n, o)
l1 = l2 = []
l1.append(1)
print(l1, l2)
first, second, third = "abc"
print(first, second, third)
k1, k2 = {"key1": 1, "key2": 2}
print(k1, k2)
i, j = divmod(17, 5)
print(i, j)
pairs = [(1, 2), (3, 4), (5, 6)]
total = 0
for u, v in pairs:
    total += u * v
print(total)
for idx, (u, v) in enumerate(pairs):
    print(idx, u, v)
for (u, v), w in zip(pairs, "xyz"):
    print(u, v, w)
fib = [0, 1]
a, b = 0, 1
for _ in range(10):
    a, b = b, a + b
    fib.append(b)
print(fib)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
x, y = y, x + y
print(x, y)
t = (1, 2, 3)
a, b, c = t
print(a + b + c)
i = 0
vals = [10, 20, 30]
i, vals[i] = 1, 99
print(i, vals)
a = b = c = "same"
print(a, b, c)
x = y = [1]
x = x + [2]
print(x, y)
grid = [[0] * 3 for _ in range(2)]
grid[0][1], grid[1][2] = 7, 8
print(grid)
(a, b), (c, d) = [(1, 2), [3, 4]]
print(a, b, c, d)
row = col = 3
print(row * col)
a, b, c = range(3)
print(a, b, c)
x1, y1 = y2, x2 = 4, 5
print(x1, y1, x2, y2)
