# Graph reachability with visited sets: components, BFS layers, and
# closure of a relation, all on int nodes.

def build(n, pairs):
    adj = {}
    for i in range(n):
        adj[i] = set()
    for a, b in pairs:
        adj[a].add(b)
        adj[b].add(a)
    return adj


def reachable(adj, start):
    seen = {start}
    frontier = [start]
    while frontier:
        node = frontier.pop()
        for nxt in adj[node]:
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return seen


def components(adj):
    left = set(adj)
    out = []
    while left:
        start = min(left)
        comp = reachable(adj, start)
        out.append(sorted(comp))
        left -= comp
    return out


def layers(adj, start):
    seen = {start}
    layer = {start}
    result = []
    while layer:
        result.append(sorted(layer))
        nxt = set()
        for node in layer:
            nxt |= adj[node]
        layer = nxt - seen
        seen |= layer
    return result


pairs = [(0, 1), (1, 2), (2, 3), (4, 5), (6, 7), (7, 8), (8, 6), (3, 9), (10, 10)]
adj = build(12, pairs)
print(components(adj))
print(layers(adj, 0))
print(reachable(adj, 6), reachable(adj, 11))
print({n: len(adj[n]) for n in adj if adj[n]})

# Transitive closure of "divides" on a few numbers.
nums = [2, 3, 4, 6, 8, 12, 24]
rel = {(a, b) for a in nums for b in nums if a != b and b % a == 0}
print(len(rel), (2, 24) in rel, (3, 8) in rel)
succ = {a: {b for (x, b) in rel if x == a} for a in nums}
print(succ[2], succ[3], succ[24])
