# Scoping, comprehensions (hidden variables), unpacking, augmented assignment,
# chained comparisons, boolean operators, f-strings, literals
x = "global"


def f():
    return [x for x in range(3)], x


print(f())


def g(n):
    r = [[i * j for j in range(i)] for i in range(n)]
    return r


print(g(4))
y = 5
print([y for _ in range(2)], [(a, b) for a, b in [(1, 2), (3, 4)]])
a = b = c = [1]
a.append(2)
print(a, b, c)
p, (q, [r, s]) = 1, (2, [3, 4])
print(p, q, r, s)
i = 0
vals = [10, 20, 30]
i, vals[i] = 1, 99
print(i, vals)
d = {"k": 1}
d["k"] += 5
d["n"] = d.get("n", 0) + 1
print(d)
m = [[0] * 3 for _ in range(2)]
m[1][2] += 7
print(m)
del m[0][1]
print(m)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1 != 2)


def side(v):
    print("side", v)
    return v


print(side(1) < side(2) < side(0) < side(5))
print(0 or "x", "" and 1, None or 0 or [], 1 and 2 and 3)
print(not 0, not [1], -(-3), +4, ~5, -2 ** 2, 2 ** -1)
print(f"{1+1}{'a'!r}{3.14159:.2f}|{'x':>5}|{42:{'<'}{6}}|{x=}|{y = }|{y=:3}")
w2 = 10
print(f"{w2:>{w2}}|", f"{'abc'!s:^9}", f"{{}}")
t = (1,)
print(t, (), (1, 2) + t, [1, 2][::-1], "abc"[1:], "abcdef"[::2], "abc"[-1])
print([x for x in range(10) if x % 2 if x > 3])
print(-0.0, 1e16, 1e-5, 0.1 + 0.2, 10 ** 20, -(10 ** 20), 2 ** 63, -2 ** 63)
big = 123456789012345678901234567890
print(big, -big, big * 2, 0xFF, 0o17, 0b101, 1_000_000)
print(x, [x for x in "ab"], x)
