# Frozensets as dict keys and set members: grouping anagram-like digit sets,
# and edges of an undirected graph.

def digit_set(n):
    return frozenset([int(d) for d in str(n)])


groups = {}
for n in [123, 321, 112, 211, 450, 54, 45, 990, 909, 12]:
    key = digit_set(n)
    if key not in groups:
        groups[key] = []
    groups[key].append(n)
for key in sorted(groups, key=lambda k: sorted(k)):
    print(sorted(key), groups[key])

edges = set()
for a, b in [(1, 2), (2, 1), (3, 4), (4, 3), (1, 3), (2, 5)]:
    edges.add(frozenset((a, b)))
print(len(edges))
print(sorted([sorted(e) for e in edges]))
print(frozenset((1, 2)) in edges, frozenset((1, 5)) in edges)
print(hash(frozenset({1, 2, 3})) == hash(frozenset([3, 2, 1])))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 3})))
nested = {frozenset({1}), frozenset({1, 2}), frozenset()}
print(len(nested), frozenset() in nested, {1} in nested, {3} in nested)
print(frozenset({frozenset({1, 2}), frozenset({3})}) == frozenset([frozenset([3]), frozenset([2, 1])]))
