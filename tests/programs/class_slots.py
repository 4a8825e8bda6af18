# __slots__: instances may only have the declared attributes, unless a class in the
# MRO has no __slots__ (or lists __dict__).
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __slots__ = "z"

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Tagged(Point):
    pass


class Open:
    __slots__ = ["name", "__dict__"]


pts = [Point(i, i * i) for i in range(4)]
for p in pts:
    p.x += 1
print(pts, Point3(1, 2, 3).z)
t = Tagged(0, 0)
t.label = "free"
print(t.label, t)
o = Open()
o.name = "n"
o.extra = 1
print(o.name, o.extra)
for bad in (Point(1, 2), Point3(1, 2, 3)):
    try:
        bad.w = 0
    except AttributeError as e:
        print("AttributeError:", e)
total = 0
for i in range(6000):
    q = Point(i, -i)
    q.y = q.x * 2
    total += q.y
print(total)
p = Point(5, 6)
p.color = "red"
