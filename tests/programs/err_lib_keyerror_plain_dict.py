# A defaultdict fills missing keys; the plain dict copied from it does not.
from collections import defaultdict

graph = defaultdict(list)
for a, b in [("a", "b"), ("b", "c"), ("a", "c")]:
    graph[a].append(b)
print(graph["c"], sorted(graph))
plain = dict(graph)
print(plain["a"])
print(plain["d"])
