# Tuples
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t + (4, 5), t * 2, (1,), (), (1,) * 3, () + ())
single = (42,)
print(single, len(single), single[0], (single,))
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0], len(nested))
print(tuple([1, 2]), tuple("ab"), tuple(), list((1, 2)), tuple(range(4)))
print(3 in t, 5 in t, t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 3), t != (3, 2, 1))
print(min(t), max(t), sum(t), sorted((3, 1, 2)), sorted((3, 1, 2), reverse=True))
a = 1, 2
print(a, len(a))


def minmax(lst):
    return min(lst), max(lst)


lo, hi = minmax([4, 9, 1])
print(lo, hi, minmax([7]))
pairs = [(1, "one"), (2, "two")]
for num, name in pairs:
    print(num, name)
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[(1, 0)], (1, 0) in d, (0, 1) in d)
mixed = (1, "a", 2.5, None, [1, 2], (3,))
print(mixed, mixed[4], mixed[5][0])
mixed[4].append(3)
print(mixed)
points = [(3, 1), (1, 2), (1, -1), (2, 2)]
print(sorted(points), max(points), min(points))
acc = ()
for i in range(5):
    acc = acc + (i,)
print(acc, acc[::-1], acc[1:3])
print(("a", "b") + ("c",), ("x",) * 0, (0,) * 4)
print(tuple([tuple([1, 2]), [3]]), (((),),))
