# Cycles through functions: their defaults, keyword-only defaults, closures and
# attributes, and through globals, bound methods and iterators. The garbage is
# collected as the loops run; what is kept must still work.

def make(i):
    box = []
    def f(x, extra=box):
        return x + len(extra)
    box.append(f)                # f -> defaults -> box -> f
    return f

def make_kw(i):
    d = {}
    def g(*, opts=d):
        return len(opts) + i
    d["g"] = g                   # g -> kwdefaults -> d -> g
    return g

def make_closure(i):
    def inner():
        return i + (1 if inner != None else 0)   # inner -> closure -> cell -> inner
    return inner

def make_attr(i):
    def h():
        return i
    h.me = h                     # h -> attribute dict -> h
    return h

kept = []
total = 0
for i in range(12000):
    f = make(i)
    g = make_kw(i)
    c = make_closure(i)
    h = make_attr(i)
    total += f(1) + g() + c() + h()
    if i % 3000 == 0:
        kept.append((f, g, c, h))
print(total)
for f, g, c, h in kept:
    me = h.me
    print(f(10), g(), c(), h(), me() == h())

# A cycle through the module's globals: a list that holds a function that reads it.
table = []

def reads_table():
    return len(table)

for i in range(5000):
    table.append(reads_table)
    if len(table) > 3:
        table.pop()
print(reads_table(), table[0]())

# Bound methods and iterators in cycles.
n = 0
for i in range(12000):
    a = [i]
    m = a.append
    a.append(m)                  # a -> bound method -> a
    it = enumerate(a)
    a.append(it)                 # a -> iterator -> a
    z = zip(a, a)
    a.append(z)
    r = reversed(a)
    a.append(r)
    d = {"k": i}
    v = d.values()
    d["view"] = v                # d -> view -> d
    n += len(a) + len(d)
print(n)

# Nested containers, with cycles at the bottom, made and dropped many times.
def deep(k):
    root = []
    node = root
    for j in range(k):
        child = [j]
        node.append(child)
        node = child
    node.append(root)
    return root

acc = 0
for i in range(300):
    r = deep(200)
    node = r
    j = 0
    while j < 200:
        node = node[-1]
        acc += node[0]
        j += 1
    assert len(node[-1]) == 1
print(acc)
