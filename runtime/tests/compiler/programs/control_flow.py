def loops():
    out = []
    for i in range(4):
        for j in range(4):
            if j > i:
                break
            if (i + j) % 2:
                continue
            out.append((i, j))
        else:
            out.append("no-break")
    return out
print(loops())
def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            break
    else:
        return -1
    return i
print(find([3, 4, 5], 4), find([3], 9))
def w(n):
    k = 0
    while k < n:
        k += 1
        if k == 3:
            continue
        if k == 7:
            break
    else:
        k = -k
    return k
print(w(5), w(10))
def cmp(a, b, c):
    return a < b > c, a == b == c, a != b != c, a <= b < c <= 10
print(cmp(1, 2, 1), cmp(2, 2, 2), cmp(1, 3, 5))
def tern(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print([tern(v) for v in (-1, 0, 1)])
def boolish(a, b):
    if not (a and b) or (a or b) and not a:
        return 1
    return 0
print([boolish(a, b) for a in (0, 1) for b in (0, 1)])
print([x for x in [1, 2, 3] if x in [2, 3] if x not in (3,)])
vals = {"a": [1, 2], "b": [3]}
print(sum([len(v) for k, v in vals.items() if k != "z"]))
s = 0
for k in vals:
    s += vals[k][0]
print(s)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
a = [1, 2, 3]
a[0] += a[1]
a[-1] *= 10
print(a)
t = (1, [2])
t[1].append(3)
print(t)
def shadow(len):
    return len * 2
print(shadow(4), len("abc"))
x = 5
def uses_global():
    return x + 1
def reassign():
    global x
    x = uses_global()
reassign(); print(x)
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(200))
print(f"{'nested'!r:>12}|{3:+d}|{-3: d}|{1234567:,}|{0.5:.1%}|{255:#x}|{5:03}")
print(f"{[1, 2]}{(1,)}{ {'a': 1} }")
width = 8
print(f"{'x':{'>'}{width}}|{3.14159:{width}.{2}f}|")
print("a" "b" f"{1}" "c")
print(str(1) + f"{2}" * 2)
n = 0
while n < 3: n += 1
print(n)
if n: print("one-liner")
for q in range(2): print(q)
print(1 if [] else 2, [] or {} or "last")
