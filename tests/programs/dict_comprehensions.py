# Dict comprehensions: filters, nested for clauses, their own variables, hot loops building dicts, an unhashable key
words = ["apple", "bob", "kiwi", "apple", "fig"]
lengths = {w: len(w) for w in words}
print(lengths)
inv = {v: k for k, v in lengths.items() if v > 3}
print(inv)
grid = {(i, j): i * j for i in range(3) for j in range(3) if i != j}
print(grid)
x = 10
sq = {x: x * x for x in range(5)}
print(sq, x)
def f(n):
    return {i % 3: [i] for i in range(n)}
print(f(7))
total = 0
for r in range(3000):
    d = {k: k + r for k in range(4)}
    total += d[3]
print(total)
try:
    bad = {[i]: i for i in range(2)}
except TypeError as e:
    print("TypeError:", e)
