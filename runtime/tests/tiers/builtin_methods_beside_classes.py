# A program with classes (one with operator methods and __slots__) whose hot loops
# call builtins on containers (list.append on a parameter, len) and run the stores
# of a slotted class's __init__. Once any class existed, every such call took
# the generic CALL (each class body's __module__ counted as a special method), which
# ends traces: one trip through tier 1 per iteration.


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


class Plain:
    def double(self, v):
        return v * 2


def fill(out, n):
    p = Plain()
    for i in range(n):
        out.append(len(out) % 7 + p.double(i))
    return len(out)


def walk(n):
    v = Vec(0, 0)
    step = Vec(1, 2)
    for _ in range(n):
        v = v + step
    return v.x + v.y


print(fill([], 20000), walk(20000))
