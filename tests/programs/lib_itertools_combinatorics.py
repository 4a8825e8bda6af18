# Combinatorics and stream helpers from itertools over small inputs.
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count,
                       cycle, dropwhile, filterfalse, groupby, islice, pairwise, permutations, product,
                       repeat, starmap, takewhile, tee, zip_longest)
import operator

# Which three coins make 50?
coins = [5, 10, 20, 25, 1, 15]
print([c for c in combinations(coins, 3) if sum(c) == 50])
print(len(list(combinations(range(10), 4))), len(list(permutations(range(6), 3))))
print(list(permutations("abc")))
print(["".join(p) for p in permutations("xyz", 2)])
print(list(combinations_with_replacement([1, 2, 3], 2)))
print(list(product([0, 1], repeat=3)))
print(list(product("ab", [1, 2])), list(product()), list(product([], [1])))
print(list(combinations([1, 2], 3)), list(permutations([1, 2], 0)))

# Brute-force a tiny travelling salesman tour.
dist = [[0, 2, 9, 10], [1, 0, 6, 4], [15, 7, 0, 8], [6, 3, 12, 0]]
best = None
for order in permutations(range(1, 4)):
    tour = (0,) + order + (0,)
    cost = sum([dist[a][b] for a, b in pairwise(tour)])
    if best is None or cost < best[0]:
        best = (cost, tour)
print("best tour:", best)

# Group sorted records.
sales = sorted([("east", 3), ("west", 5), ("east", 7), ("north", 1), ("west", 2)])
for region, rows in groupby(sales, key=lambda r: r[0]):
    print(region, sum([r[1] for r in rows]))
print([(k, len(list(g))) for k, g in groupby("aaabccdddd")])
print([k for k, _ in groupby([1, 1, 2, 2, 1])])

print(list(islice(count(1), 5)), list(islice(count(0, 5), 2, 8, 3)), list(islice("abcdef", 4)))
print(list(islice(cycle("ab"), 5)), list(repeat(0, 4)), list(zip(count(), "xyz")))
print(list(accumulate([3, 1, 4, 1, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([1, 2], initial=100)))
print(list(chain("ab", [1, 2], range(2))), list(chain.from_iterable(["cd", "ef"])))
print(list(compress("abcdef", [1, 0, 1, 1, 0, 1])))
print(list(takewhile(lambda x: x * x < 30, count(1))), list(dropwhile(lambda x: x < 3, [1, 4, 2, 5])))
print(list(filterfalse(lambda x: x % 3, range(10))), list(starmap(operator.mul, [(2, 3), (4, 5)])))
print(list(zip_longest([1, 2, 3], "ab", fillvalue=0)), list(zip_longest()))
left, right = tee(map(lambda x: x * x, [1, 2, 3]))
print(list(left), list(right), list(left))
print(list(pairwise([1, 2, 4, 8])), list(pairwise("a")))
it = islice(count(), 3)
print([v for v in it], [v for v in it])
print(count(3), count(2, 5), repeat("z", 2))
print(type(count()), type(itertools.islice("ab", 1)))
