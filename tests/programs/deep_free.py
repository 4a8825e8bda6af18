# Freeing structures nested 100,000 deep: CPython frees them without recursing
# (its trashcan); so must stitch, whichever container kinds nest.
node = None
for i in range(100000):
    node = [i, node]
print("built")
node = None
print("freed")
t = ()
for i in range(100000):
    t = (i, t)
print(hash(t), len(t))
t = None
d = {}
for i in range(100000):
    d = {"k": d, "i": i}
d = None
mixed = None
for i in range(100000):
    if i % 3 == 0:
        mixed = [mixed]
    elif i % 3 == 1:
        mixed = (mixed, i)
    else:
        mixed = {i: mixed}
mixed = None
it = [1, 2, 3]
for i in range(10000):
    it = enumerate(it)
it = None
x = None
for i in range(100000):
    x = [x]
print(x == x, x in [x], [x].count(x), [x].index(x))
def build(n):
    r = []
    for i in range(n):
        r = [r, r]
    return r
print(len(build(100)))
print("done")
# strs built by appends borrow the buffers of longer ones: freeing them from the
# longest down releases the chain without recursing.
parts = []
w = "a"
for i in range(30000):
    w += "b"
    parts.append(w)
parts.reverse()
w = None
parts = None
print("strs freed")
