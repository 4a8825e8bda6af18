# A call site that sees methods of two classes (a ray tracer's `shape.intersect(ray)`
# over spheres and planes): the trace of the loop follows one class's method; the
# other's exit must be stitched with a trace that follows the other method, not go
# back to tier 1 at the call on every take.


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self, scale):
        return self.r * self.r * 3 * scale


class Square:
    def __init__(self, side):
        self.side = side

    def area(self, scale):
        return self.side * self.side * scale


def total(shapes, rounds):
    t = 0
    for k in range(rounds):
        for s in shapes:
            t += s.area(k % 3)
    return t


shapes = [Circle(1), Circle(2), Circle(4), Square(3)]
print(total(shapes, 20000))
print(total(shapes[::-1], 300))
