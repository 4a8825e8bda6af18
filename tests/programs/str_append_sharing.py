# s += piece appends in place when s owns spare room in its buffer; every str made
# along the way keeps its own text.
s = "start"
prefixes = []
for i in range(2000):
    s += str(i % 10)
    if i % 400 == 0:
        prefixes.append(s)
print(len(s), s[:20], s[-10:])
print([len(p) for p in prefixes])
print([p[-3:] for p in prefixes])
a = "x" * 100
b = a + "y"
c = a + "z"
print(b[-2:], c[-2:], a[-2:], len(a), len(b), len(c))
d = b + "1"
e = b + "2"
print(d[-3:], e[-3:], b[-2:])
t = "ab" * 40
t2 = t + t
t3 = t2 + t
print(len(t), len(t2), len(t3), t3.count("ab"))
u = ""
u += ""
u += "q"
u += ""
print(repr(u), u == "q", len(u))
parts = []
w = "é" * 50
for i in range(100):
    w += "ü"
    parts.append(w)
print(len(w), w[48:53], len(parts[0]), parts[0][-2:], len(parts[-1]))
k = "key" * 20
m = {k + "1": 1}
k2 = k + "1"
print(m[k2], k2 in m, hash(k2) == hash(k + "1"))
parts.reverse()
parts = None
x = "z" * 64
for i in range(100000):
    x += "."
y = x
x += "!"
print(len(x), len(y), x[-2:], y[-2:])
