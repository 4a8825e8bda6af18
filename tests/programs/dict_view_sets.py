# The set operators and subset comparisons of dict key and item views, with sets,
# other views and plain iterables, printing in CPython's order.
a = {"x": 1, "y": 2, "z": 3, "w": 4}
b = {"y": 0, "z": 0, "q": 0}
print(sorted(a.keys() & b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() ^ b.keys()))
print(a.keys() & {"x", "w", "nope"} == {"x", "w"}, {1: 2}.keys() | [3], [1] | {1: 2}.keys(), {1} - {1: 2, 3: 4}.keys())
print({1: 2}.items() - {(1, 2)}, {1: 2}.items() | {(3, 4)}, {1: 2, 5: 6}.keys() ^ (1, 7))
print({i: i for i in range(10)}.keys() & range(5, 20), {i: 0 for i in range(40)}.keys() - set(range(3, 40)))
print(set(range(8)) & {i: 0 for i in range(4, 6)}.keys())
k = {"a": 1}.keys()
k |= {"b"}
print(sorted(k), type(k).__name__)
print({(1, 2)} & {1: 2}.items(), {1: 2}.keys().isdisjoint([3]))
print({1: 2}.keys() <= {1, 3}, {1: 2}.keys() < {1: 0}.keys(), {1, 2} > {1: 0}.keys(), {1: 2}.items() >= {(1, 2)})
try:
    print({1: 2}.keys() < [1])
except TypeError as e:
    print(e)
