# Hot loops driving itertools iterators and memoized functions.
from itertools import count, islice, product, accumulate, chain, groupby, combinations
from functools import lru_cache, reduce, partial
import operator


@lru_cache(maxsize=None)
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)


best = max(range(1, 6000), key=collatz)
print(best, collatz(best), collatz.cache_info().hits > 0)

total = 0
for a, b in product(range(80), repeat=2):
    if (a * b) % 7 == 3:
        total += a + b
print(total)

evens = 0
for i in islice(count(0, 2), 6000):
    evens += i
print(evens)

running = list(accumulate(range(7000)))
print(running[-1], running[5000])

flat = 0
for v in chain(range(3000), range(3000, 6000)):
    flat += v & 15
print(flat)

runs = [(k, len(list(g))) for k, g in groupby([i // 250 for i in range(6000)])]
print(len(runs), runs[:2])

pairs = 0
for c in combinations(range(120), 2):
    if (c[0] + c[1]) % 11 == 0:
        pairs += 1
print(pairs)

add3 = partial(operator.add, 3)
acc = 0
for i in range(6000):
    acc = add3(acc) % 100003
print(acc, reduce(operator.xor, range(6000)))
