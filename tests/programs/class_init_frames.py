# `Class(args)` allocates the instance and runs `__init__` as a pushed frame: hot
# loops of constructions, several classes at one call site, classes changed while the
# loop runs, `__init__` raising, recursing, and returning something other than None.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Node:
    def __init__(self, depth):
        self.depth = depth
        self.kids = [Node(depth - 1), Node(depth - 1)] if depth > 0 else []

    def count(self):
        return 1 + sum(k.count() for k in self.kids)


class Picky:
    def __init__(self, v):
        if v % 7 == 6:
            raise ValueError("bad value " + str(v))
        self.v = v


class Sneaky:
    def __init__(self, v):
        self.v = v
        if v >= 90:
            return v


class WithDefault:
    def __init__(self, a, b=5):
        self.total = a + b


class Plain:
    pass


def points(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        total += p.x * p.y
    return total


def mixed(n):
    total = 0
    for i in range(n):
        cls = Point if i % 2 else Point3
        p = cls(i, 1) if cls is Point else cls(i, 1, 2)
        total += p.x + p.y
    return total


def changed(n):
    total = 0
    for i in range(n):
        p = Point(i, 2)
        total += p.x + p.y
        if i == n // 2:
            Point.origin = (0, 0)  # a new version of the class
    return total, Point(1, 1).origin


def picky(n):
    made, failed = 0, 0
    for i in range(n):
        try:
            made += Picky(i).v
        except ValueError:
            failed += 1
    return made, failed


def sneaky(n):
    made = 0
    for i in range(n):
        try:
            made += Sneaky(i).v
        except TypeError as e:
            print("TypeError:", e)
            return made
    return made


def others(n):
    total = 0
    for i in range(n):
        total += WithDefault(i).total
        Plain()
    return total


print(points(1000))
print(mixed(1000))
print(changed(1000))
print(Node(8).count())
print(picky(300))
print(sneaky(200))
print(others(300))


def last(n):
    for i in range(n):
        Sneaky(i + 50)


last(100)
