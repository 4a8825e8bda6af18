# Memoized recursion, partial application and folds: functools with operator.
from functools import lru_cache, cache, partial, reduce, wraps, cmp_to_key
import functools
import operator
from operator import itemgetter, attrgetter, methodcaller


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(200))
print(fib.cache_info())


def edit_distance(a, b):
    @cache
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))
    return d(len(a), len(b))


print(edit_distance("kitten", "sitting"), edit_distance("intention", "execution"))


@lru_cache(maxsize=3)
def square(n):
    print("computing", n)
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2]:
    square(n)
print(square.cache_info())
square.cache_clear()
print(square.cache_info())


@functools.lru_cache()
def ways(total, coins):
    if total == 0:
        return 1
    if total < 0 or not coins:
        return 0
    return ways(total - coins[0], coins) + ways(total, coins[1:])


print(ways(100, (1, 5, 10, 25, 50)))

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 11), 1))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", "f"], 0), reduce(max, [3, 9, 2]))
try:
    reduce(operator.add, [])
except TypeError as err:
    print("TypeError:", err)

power = partial(pow, 2)
int2 = partial(int, base=2)
print(power(10), int2("1011"), partial(power)(3))


def scale(x, factor=1, offset=0):
    return x * factor + offset


double_plus = partial(scale, factor=2, offset=1)
print([double_plus(i) for i in range(4)], double_plus(5, offset=0))
print(list(map(partial(operator.mul, 3), [1, 2, 3])))

rows = [("pear", 3, 0.5), ("apple", 7, 0.25), ("fig", 3, 1.0)]
print(sorted(rows, key=itemgetter(1, 0)))
print(list(map(itemgetter(0), rows)), itemgetter(-1)(rows))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", ",")("x,y"))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda x, y: len(y) - len(x))))
print(operator.neg(4), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.contains([1, 2], 2), operator.not_(0))
print(operator.getitem({"k": 5}, "k"), operator.concat([1], [2]), operator.countOf([1, 2, 1], 1))


def logged(fn):
    @wraps(fn)
    def wrapper(*args):
        print("call", fn.__name__, args)
        return fn(*args)
    return wrapper


@logged
def area(w, h):
    "Area of a rectangle."
    return w * h


print(area(3, 4), area.__name__, area.__doc__)


class Grid:
    def __init__(self, blocked):
        self.blocked = blocked

    @lru_cache(maxsize=None)
    def paths(self, r, c):
        if (r, c) in self.blocked:
            return 0
        if r == 0 or c == 0:
            return 1
        return self.paths(r - 1, c) + self.paths(r, c - 1)


g = Grid([(1, 1), (2, 3)])
print(g.paths(6, 6), g.paths(2, 2))
