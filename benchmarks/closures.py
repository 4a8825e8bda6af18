# Benchmark: closures and key functions: adders and counters made by factories,
# a nonlocal accumulator, a memoizing decorator, lambdas through map and filter,
# and sorted/min/max with Python key functions


def make_affine(a, b):
    def f(x):
        return (a * x + b) % 1000003

    return f


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count

    return bump


def memoize(func):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        v = func(n)
        cache[n] = v
        return v

    return wrapper


@memoize
def partitions(n):
    # Partitions of n into distinct parts, by a recurrence over the largest part.
    return count_parts(n, n)


def count_parts(n, k):
    if n == 0:
        return 1
    if k == 0:
        return 0
    return count_parts(n, k - 1) + (count_parts(n - k, k - 1) if k <= n else 0)


fs = [make_affine(i * 7 + 1, i * 13 + 5) for i in range(8)]
x = 1
for i in range(1000000):
    x = fs[i & 7](x)
print("affine:", x)

bump = make_counter()
total = 0
for i in range(1000000):
    total += bump(i % 7) & 1023
print("counter:", total, bump(0))

acc = 0
for r in range(100):
    for n in range(60):
        acc += partitions(n) % 1009
print("memo:", acc)

squares = sum(map(lambda v: v * v % 97, range(500000)))
odds = sum(filter(lambda v: v % 3 == 1, map(lambda v: v * 7 % 1001, range(500000))))
print("map/filter:", squares, odds)

records = [((i * 7919) % 1009, (i * 104729) % 997, i) for i in range(2000)]
check = 0
for r in range(80):
    by_first = sorted(records, key=lambda t: t[0])
    by_mix = sorted(records, key=lambda t: (t[1] * r + t[0]) % 1013)
    check += by_first[r][2] + by_mix[-1 - r][2]
    check += max(records, key=lambda t: (t[0] ^ r) % 101)[2]
    check += min(records, key=lambda t: t[1] - t[0] * r)[2]
print("keys:", check)
