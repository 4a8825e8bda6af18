# Shortest paths on a grid maze with BFS over a deque, plus sliding windows.
from collections import deque

MAZE = [
    "S..#......",
    ".#.#.####.",
    ".#...#....",
    ".####.#.#.",
    "......#.#E",
]


def bfs(maze):
    rows, cols = len(maze), len(maze[0])
    start = end = None
    for r in range(rows):
        for c in range(cols):
            if maze[r][c] == "S":
                start = (r, c)
            elif maze[r][c] == "E":
                end = (r, c)
    dist = {start: 0}
    prev = {}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if (r, c) == end:
            break
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                prev[(nr, nc)] = (r, c)
                q.append((nr, nc))
    path = deque()
    node = end
    while node in prev:
        path.appendleft(node)
        node = prev[node]
    path.appendleft(start)
    return dist[end], list(path)


steps, path = bfs(MAZE)
print("steps:", steps)
print("path:", path[:4], "...", path[-2:])


def window_max(nums, k):
    # Indices of a decreasing run of values: the front is the window's maximum.
    dq = deque()
    out = []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out


print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))

# Moving average with a bounded deque.
window = deque(maxlen=3)
for reading in [10, 20, 30, 40, 25, 5]:
    window.append(reading)
    print(window, round(sum(window) / len(window), 2))
print(window.maxlen, len(window), window[0], window[-1], 25 in window)

d = deque(range(6))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.extendleft("ab")
d.extend([9, 9])
print(d, d.count(9), d.index(9))
d.reverse()
print(d)
d.remove("a")
print(d, d.pop(), d.popleft())
d[0] = "first"
print(d, deque(), deque([1], maxlen=3), deque("xy") == deque(["x", "y"]))
d.clear()
print(d, bool(d))
d.extend([1, 2, 3])
print(list(reversed(d)), sorted(d), sum(d), max(d))
