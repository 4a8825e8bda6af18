# An annotated algorithm collection in the style of typed scripts: postponed
# annotations, typing aliases, hints on parameters, returns and variables.
from __future__ import annotations

from typing import Dict, List, Optional, Tuple
import heapq

Graph = Dict[str, List[Tuple[str, int]]]


def dijkstra(graph: Graph, source: str) -> Dict[str, int]:
    dist: Dict[str, int] = {source: 0}
    queue: List[Tuple[int, str]] = [(0, source)]
    while queue:
        d, node = heapq.heappop(queue)
        if d > dist.get(node, 1 << 60):
            continue
        for nxt, w in graph.get(node, []):
            nd: int = d + w
            if nd < dist.get(nxt, 1 << 60):
                dist[nxt] = nd
                heapq.heappush(queue, (nd, nxt))
    return dist


def find(items: list[int], target: int) -> Optional[int]:
    lo: int = 0
    hi: int = len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return None


def knapsack(weights: list[int], values: list[int], cap: int) -> int:
    best: list[int] = [0] * (cap + 1)
    for w, v in zip(weights, values):
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]


def lcs(a: str, b: str) -> str:
    table: list[list[int]] = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    out: list[str] = []
    i, j = 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


graph: Graph = {
    "a": [("b", 7), ("c", 9), ("f", 14)],
    "b": [("c", 10), ("d", 15)],
    "c": [("d", 11), ("f", 2)],
    "d": [("e", 6)],
    "f": [("e", 9)],
}
print(sorted(dijkstra(graph, "a").items()))
data = list(range(0, 3000, 3))
hits = 0
for t in range(3000):
    if find(data, t) is not None:
        hits += 1
print(hits, find(data, 2997), find(data, 1))
print(knapsack([12, 7, 11, 8, 9], [24, 13, 23, 15, 16], 26))
print(lcs("AGGTABQWERTY", "GXTXAYBWRT"))
undefined_is_fine: NotDefinedAnywhere = 5
print(undefined_is_fine)
