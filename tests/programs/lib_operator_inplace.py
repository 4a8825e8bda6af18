# operator's in-place functions, matmul, call and iconcat, and math.remainder.
import math
import operator


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))

    def __imatmul__(self, other):
        self.xs = [a * b for a, b in zip(self.xs, other.xs)]
        return self

    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)


print(operator.matmul(Vec(1, 2, 3), Vec(4, 5, 6)), operator.imatmul(Vec(1, 2), Vec(3, 4)))
acc = [1]
same = operator.iadd(acc, [2])
print(acc, id(same) == id(acc), operator.iconcat([0], (9,)), operator.iconcat("ab", "c"))
for name in ("itruediv", "ifloordiv", "imod", "ipow", "iand", "ior", "ixor", "ilshift", "irshift"):
    print(name, getattr(operator, name)(13, 3))
print(operator.ior({1}, {2}), operator.iand({1, 2}, {2}), operator.ixor({1, 2}, {2, 3}))
print(operator.call(max, 3, 9, 4), operator.call(sorted, [3, 1], reverse=True))
try:
    operator.iconcat(1, 2)
except TypeError as e:
    print(e)
try:
    operator.call()
except TypeError as e:
    print(e)
print(math.remainder(10, 3), math.remainder(-7.5, 2), math.remainder(5, 2), math.remainder(7, 2))
print(math.remainder(3, math.inf), math.remainder(-0.0, 1), math.isnan(math.remainder(math.nan, 1)))
for x, y in ((1, 0), (math.inf, 2)):
    try:
        math.remainder(x, y)
    except ValueError as e:
        print(e)
