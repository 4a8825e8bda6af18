# A particle simulation on vector objects: operators, comparisons, truth and
# iteration of instances inside hot loops.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

    def __neg__(self):
        return V(-self.x, -self.y)

    def __abs__(self):
        return abs(self.x) + abs(self.y)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __iter__(self):
        return iter((self.x, self.y))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Histogram:
    def __init__(self):
        self.bins = {}

    def __getitem__(self, k):
        return self.bins.get(k, 0)

    def __setitem__(self, k, v):
        self.bins[k] = v

    def __len__(self):
        return len(self.bins)

    def __contains__(self, k):
        return k in self.bins


pos = V(0, 0)
vel = V(3, -2)
gravity = V(0, 1)
bounces = 0
for step in range(6000):
    pos += vel
    vel = vel + gravity
    if pos.y > 50:
        vel = V(vel.x, -vel.y + 1)
        bounces += 1
    if abs(pos) > 1000:
        pos = pos - 2 * V(pos.x // 2, 0)
print("pos", pos.x, pos.y, "bounces", bounces)

cells = {}
p = V(0, 0)
seed = 12345
for i in range(8000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    d = [V(1, 0), V(-1, 0), V(0, 1), V(0, -1)][seed >> 29]
    p = p + d
    cells[p] = cells.get(p, 0) + 1
print("visited", len(cells), "origin", cells.get(V(0, 0), 0), "max", max(cells.values()))

zeros = 0
total = 0
for i in range(7000):
    v = V(i % 7 - 3, i % 5 - 2)
    if not v:
        zeros += 1
    if v:
        x, y = v
        total += x * y
    if v == -v:
        total += 1000
print("zeros", zeros, "total", total)

ordered = sorted([V(i % 13 - 6, (i * 7) % 11 - 5) for i in range(5000)])
print("smallest", list(ordered[0]), "largest", list(ordered[-1]), ordered[2500] < ordered[4999])

s = 0
for k in Countdown(9000):
    s += k
print("countdown sum", s, sum(Countdown(100)), len(list(Countdown(5001))))

h = Histogram()
for i in range(6000):
    key = (i * i) % 17
    h[key] = h[key] + 1
hits = 0
for i in range(6000):
    if i % 20 in h:
        hits += 1
print("bins", len(h), h[0], h[16], "hits", hits)
