"""Graph searches with the queue module: BFS with Queue, DFS with LifoQueue,
Dijkstra with PriorityQueue."""
from queue import Empty, LifoQueue, PriorityQueue, Queue

GRAPH = {
    "A": [("B", 4), ("C", 2)],
    "B": [("C", 5), ("D", 10)],
    "C": [("E", 3)],
    "D": [("F", 11)],
    "E": [("D", 4)],
    "F": [],
}


def bfs(start):
    seen = {start}
    order = []
    q = Queue()
    q.put(start)
    while not q.empty():
        node = q.get()
        order.append(node)
        for nxt, _ in GRAPH[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.put(nxt)
    return order


def dfs(start):
    seen = set()
    order = []
    stack = LifoQueue()
    stack.put(start)
    while stack.qsize():
        node = stack.get()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        for nxt, _ in reversed(GRAPH[node]):
            stack.put(nxt)
    return order


def dijkstra(start):
    dist = {start: 0}
    pq = PriorityQueue()
    pq.put((0, start))
    while not pq.empty():
        d, node = pq.get()
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in GRAPH[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                pq.put((nd, nxt))
    return dist


print("bfs", bfs("A"))
print("dfs", dfs("A"))
print("dijkstra", sorted(dijkstra("A").items()))

bounded = Queue(maxsize=2)
bounded.put(1)
bounded.put_nowait(2)
print(bounded.full(), bounded.qsize())
try:
    bounded.put(3, block=False)
except Exception as e:
    print(type(e).__name__, repr(e))
print(bounded.get(), bounded.get_nowait(), bounded.empty())
try:
    bounded.get(timeout=0.01)
except Empty:
    print("Empty after timeout")
bounded.put("job")
bounded.get()
for _ in range(3):
    bounded.task_done()
bounded.join()
try:
    bounded.task_done()
except ValueError as e:
    print("ValueError:", e)

# A grid flood fill, hot enough to be traced.
W, H = 40, 30
walls = {(x, (x * 7) % H) for x in range(W)} | {(x, 20) for x in range(5, 35)}
q = Queue()
q.put((0, 0))
dist = {(0, 0): 0}
while not q.empty():
    x, y = q.get()
    for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
        if 0 <= nx < W and 0 <= ny < H and (nx, ny) not in walls and (nx, ny) not in dist:
            dist[(nx, ny)] = dist[(x, y)] + 1
            q.put((nx, ny))
print(len(dist), max(dist.values()), q.unfinished_tasks)
