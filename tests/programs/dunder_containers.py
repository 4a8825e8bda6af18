# Custom containers: a ring buffer, a sparse grid, a linked list with its own
# iterator, callable objects and an attribute proxy.


class RingBuffer:
    def __init__(self, capacity):
        self.items = [None] * capacity
        self.start = 0
        self.size = 0

    def push(self, x):
        cap = len(self.items)
        if self.size < cap:
            self.items[(self.start + self.size) % cap] = x
            self.size += 1
        else:
            self.items[self.start] = x
            self.start = (self.start + 1) % cap

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("ring index out of range")
        return self.items[(self.start + i) % len(self.items)]

    def __setitem__(self, i, value):
        self.items[(self.start + i) % len(self.items)] = value

    def __iter__(self):
        return iter([self[i] for i in range(self.size)])

    def __contains__(self, x):
        for i in range(self.size):
            if self[i] == x:
                return True
        return False

    def __repr__(self):
        return f"RingBuffer({list(self)})"


class SparseGrid:
    def __init__(self, default=0):
        self.cells = {}
        self.default = default

    def __getitem__(self, key):
        return self.cells.get(key, self.default)

    def __setitem__(self, key, value):
        if value == self.default:
            if key in self.cells:
                del self.cells[key]
        else:
            self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __len__(self):
        return len(self.cells)

    def __bool__(self):
        return len(self.cells) > 0


class Node:
    def __init__(self, value, next_node=None):
        self.value = value
        self.next = next_node


class LinkedList:
    def __init__(self, values):
        self.head = None
        for v in reversed(values):
            self.head = Node(v, self.head)

    def __iter__(self):
        return ListIterator(self.head)

    def __len__(self):
        n = 0
        for _ in self:
            n += 1
        return n


class ListIterator:
    def __init__(self, node):
        self.node = node

    def __iter__(self):
        return self

    def __next__(self):
        if self.node is None:
            raise StopIteration
        value = self.node.value
        self.node = self.node.next
        return value


class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs

    def __call__(self, x):
        total = 0
        for c in reversed(self.coeffs):
            total = total * x + c
        return total


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return len(args) + len(kwargs)


class Recorder:
    # Forwards attribute reads to the wrapped object and logs them.

    def __init__(self, target):
        self.target = target
        self.log = []

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self.target, name)


class Config:
    def __init__(self):
        self.values = {"depth": 3, "width": 8}

    def __getattr__(self, name):
        if name in self.values:
            return self.values[name]
        raise AttributeError(f"no setting {name!r}")


ring = RingBuffer(4)
for k in range(1, 7):
    ring.push(k * k)
print(ring, len(ring), ring[0], ring[-1], 25 in ring, 4 in ring)
ring[1] = 99
print(list(ring), sum(ring), max(ring), sorted(ring))
first, *rest = ring
print(first, rest, [x * 2 for x in ring], dict(zip(ring, "abcd")))
try:
    ring[10]
except IndexError as e:
    print("IndexError:", e)
print(bool(ring), bool(RingBuffer(3)), "yes" if RingBuffer(2) else "empty")

grid = SparseGrid()
print(bool(grid), len(grid), grid[(5, 5)])
grid[(0, 0)] = 7
grid[(2, 3)] = 1
grid[(2, 3)] = 0
grid[(4, 1)] = 2
print(bool(grid), len(grid), grid[(0, 0)], grid[(2, 3)], not grid)
del grid[(0, 0)]
print(len(grid), sorted(grid.cells))
try:
    del grid[(9, 9)]
except KeyError as e:
    print("KeyError:", e)
while grid:
    key = list(grid.cells)[0]
    del grid[key]
print("cleared", len(grid))

ll = LinkedList([3, 1, 4, 1, 5, 9, 2, 6])
print(list(ll), len(ll), sum(ll), 9 in ll, 7 in ll, max(ll))
it = iter(ll)
print(next(it), next(it), list(it))
a, b, c = LinkedList(["x", "y", "z"])
print(a, b, c, list(enumerate(LinkedList([10, 20]))))

p = Polynomial(1, -3, 2)
print(p(0), p(1), p(2), [p(x) for x in range(5)], list(map(p, [3, 4])))
count = Counter()
print(count(1, 2), count(), count(a=1), count.calls, callable(count), callable(p), callable(ll))

r = Recorder([5, 3, 8])
r.append(1)
print(r.count(3), r.index(8), r.target, r.log)
cfg = Config()
print(cfg.depth, cfg.width, getattr(cfg, "height", 10), hasattr(cfg, "depth"), hasattr(cfg, "speed"))
try:
    cfg.speed
except AttributeError as e:
    print("AttributeError:", e)
