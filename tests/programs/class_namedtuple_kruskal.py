# Minimum spanning trees and an event simulation over typing.NamedTuple records.
import heapq
from collections import namedtuple
from typing import NamedTuple


class Edge(NamedTuple):
    weight: int
    u: str
    v: str
    label: str = ""

    def other(self, node):
        return self.v if node == self.u else self.u

    @property
    def key(self):
        return (self.weight, self.u, self.v)

    def __str__(self):
        return f"{self.u}-{self.v}({self.weight})"


class DisjointSet:
    def __init__(self, nodes):
        self.parent = {n: n for n in nodes}
        self.rank = {n: 0 for n in nodes}

    def find(self, n):
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True


def kruskal(nodes, edges):
    ds = DisjointSet(nodes)
    tree = []
    for e in sorted(edges):
        if ds.union(e.u, e.v):
            tree.append(e)
    return tree


edges = [
    Edge(7, "A", "B"), Edge(5, "A", "D", "road"), Edge(8, "B", "C"), Edge(9, "B", "D"),
    Edge(7, "B", "E"), Edge(5, "C", "E"), Edge(15, "D", "E"), Edge(6, "D", "F"),
    Edge(8, "E", "F"), Edge(9, "E", "G"), Edge(11, "F", "G"),
]
tree = kruskal("ABCDEFG", edges)
print("tree:", ", ".join(str(e) for e in tree))
print("total weight:", sum(e.weight for e in tree))
print(tree[0], repr(tree[0]), tree[0].other("A"), tree[0].key)
print(Edge._fields, Edge._field_defaults)
heaviest = max(tree)
print("heaviest:", heaviest, heaviest._asdict())
relabelled = heaviest._replace(label="bridge", weight=10)
print(relabelled, relabelled.label, heaviest.label == "")
w, u, v, label = relabelled
print(w, u, v, repr(label), relabelled[1:3], relabelled.index("E"), relabelled.count(10))
print(Edge._make([1, "X", "Y", "z"]), Edge(*[2, "P", "Q"]))
print(edges[0] == (7, "A", "B", ""), edges[0] < edges[1], hash(edges[1]) == hash((5, "A", "D", "road")))
print(isinstance(edges[0], Edge), isinstance(edges[0], tuple), type(edges[0]).__name__)
by_node = {}
for e in tree:
    for n in (e.u, e.v):
        if n not in by_node:
            by_node[n] = []
        by_node[n].append(e.weight)
print(sorted(by_node.items()))


class Event(NamedTuple):
    time: float
    order: int
    kind: str
    customer: int


Stats = namedtuple("Stats", "served waited busy", defaults=[0.0, 0.0])


class Summary(Stats):
    def mean_wait(self):
        return self.waited / self.served if self.served else 0.0

    def __repr__(self):
        return f"Summary({self.served} served, mean wait {self.mean_wait():.2f})"


def simulate(arrivals, service):
    queue = []
    order = 0
    for i, t in enumerate(arrivals):
        heapq.heappush(queue, Event(t, order, "arrive", i))
        order += 1
    free_at = 0.0
    stats = Summary(0)
    log = []
    while queue:
        ev = heapq.heappop(queue)
        match ev:
            case Event(kind="arrive", time=t, customer=c):
                start = max(t, free_at)
                free_at = start + service[c]
                heapq.heappush(queue, Event(free_at, order, "leave", c))
                order += 1
                stats = stats._replace(waited=stats.waited + (start - t))
            case Event(t, _, "leave", c):
                log.append((c, t))
                stats = stats._replace(served=stats.served + 1, busy=stats.busy + service[c])
    return stats, log


stats, log = simulate([0.0, 1.0, 1.5, 6.0, 6.5], [2.0, 1.0, 3.0, 0.5, 1.0])
print(stats, type(stats).__name__, stats.busy)
print(log)
print(Summary.__mro__[1:3], isinstance(stats, Stats))
