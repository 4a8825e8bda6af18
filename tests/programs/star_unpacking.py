# Star-unpacking in assignments and for targets: lists of the rest, any iterable, too few values, a non-iterable
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
a, *mid, b = (1, 2)
print(a, mid, b)
head, *tail = map(abs, [-9])
print(head, tail)
for x, *ys in [(1, 2, 3), (4,), (5, 6)]:
    print(x, ys)
total = 0
for i in range(5000):
    p, *q = (i, i + 1, i + 2)
    total += p + len(q)
print(total)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    x, *y = 5
except TypeError as e:
    print(e)
