# A hot loop reads attributes of the same instance before and after a call that
# sometimes changes the instance's class: a builtin (`setattr`), a function the loop
# calls (a class attribute store), a new method bound onto the class. Every read after
# the call must see the class as it is then.


class Dummy:
    scale = 0


class Point:
    scale = 1

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def weight(self):
        return self.x + self.scale


def set_scale(cls, value):
    cls.scale = value


def heavier(self):
    return self.x * 100 + self.scale


def run(n):
    p = Point(3, 4)
    targets = [Dummy] * 49 + [Point]
    total = 0
    seen = []
    for i in range(n):
        before = p.scale + p.x
        # One iteration in 50 the builtin changes Point itself.
        setattr(targets[i % 50], "scale", i)
        after = p.scale + p.y
        # The same through a function the trace follows.
        set_scale(targets[(i + 25) % 50], i * 2)
        again = p.scale + p.weight()
        total += before + after + again
        if i % 50 == 0 or (i + 25) % 50 == 0:
            seen.append((i, before, after, again))
    return total, seen


def run_methods(n):
    p = Point(5, 6)
    owners = [Dummy] * 29 + [Point]
    funcs = [heavier, Point.weight]
    total = 0
    for i in range(n):
        first = p.weight()
        # One iteration in 30, `weight` becomes the other function.
        setattr(owners[i % 30], "weight", funcs[(i // 30) % 2])
        second = p.weight()
        total += first * 3 + second
    return total


def run_restore(n):
    # The method goes back and forth: each version of the class is seen once.
    p = Point(2, 9)
    plain = Point.weight
    total = 0
    for i in range(n):
        a = p.weight()
        if i % 40 == 39:
            Point.weight = heavier
        b = p.weight()
        if i % 40 == 19:
            Point.weight = plain
        c = p.weight()
        total += a + 2 * b + 3 * c
    return total


total, seen = run(2000)
print(total)
for row in seen[:6]:
    print(row)
print(seen[-1])
print(Point.scale, Dummy.scale)
Point.scale = 1
print(run_methods(900))
print(run_restore(900))
