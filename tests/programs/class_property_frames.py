# Properties read in hot loops run their getters as pushed frames: results, the
# getter replaced while the loop runs, getters that raise, and tracebacks through
# a getter.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    @property
    def doubled(self):
        return Vec(self.x * 2, self.y * 2)

    @property
    def checked(self):
        if self.x < 0:
            raise ValueError("negative x: " + str(self.x))
        return self.x


class Shifted(Vec):
    @property
    def norm1(self):
        return 1000 + abs(self.x)


class Chain:
    def __init__(self, depth):
        self.depth = depth
        self.child = Chain(depth - 1) if depth > 0 else None

    @property
    def length(self):
        # A getter that reads the property of another object: nested getter frames.
        if self.child is None:
            return 1
        return 1 + self.child.length


def sum_norms(vs, n):
    total = 0
    for i in range(n):
        total += vs[i % len(vs)].norm1
    return total


def replaced(n):
    v = Vec(3, -4)
    total = 0
    for i in range(n):
        total += v.norm1
        if i == n // 2:
            Vec.norm1 = property(lambda self: 1)
    return total


def nested(n):
    v = Vec(1, 2)
    total = 0
    for i in range(n):
        total += v.doubled.doubled.norm1
    return total


def caught(n):
    errors = 0
    for i in range(n):
        v = Vec(i % 5 - 1, 0)
        try:
            v.checked
        except ValueError:
            errors += 1
    return errors


print(sum_norms([Vec(1, 2), Vec(-3, 4)], 500))
print(sum_norms([Vec(1, 2), Shifted(-3, 4)], 500))
print(nested(300))
print(caught(400))
print(Chain(50).length)
print(replaced(600))


def final(n):
    for i in range(n):
        v = Vec(10 - i, 1)
        v.checked


final(100)
