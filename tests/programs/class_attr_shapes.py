# Attribute loads and stores on instances whose attribute sets differ, properties,
# class attributes shadowed by instance attributes, __slots__ classes and
# __getattr__ fallbacks, all reached from the same hot sites.


class Point:
    kind = "point"

    def __init__(self, x, y, extra=False):
        if extra:
            self.label = "p"
        self.x = x
        self.y = y


class Celsius:
    def __init__(self, c):
        self._c = c

    def _get_f(self):
        return self._c * 9 / 5 + 32

    def _set_f(self, f):
        self._c = (f - 32) * 5 / 9

    fahrenheit = property(_get_f, _set_f)

    @property
    def kelvin(self):
        return self._c + 273.15


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a
        self.b = a * 2


class Lazy:
    def __init__(self):
        self.hits = 0

    def __getattr__(self, name):
        self.hits += 1
        return len(name)


def sum_x(points):
    s = 0
    for p in points:
        s += p.x * 10 + p.y
        p.x = p.x + 1
    return s


pts = [Point(i, i + 1, extra=(i % 3 == 0)) for i in range(30)]
print(sum_x(pts), sum_x(pts))

# Some instances get an attribute the others lack, then a class attribute is
# shadowed on a few.
for i, p in enumerate(pts):
    if i % 4 == 0:
        p.kind = "special"
kinds = {}
for p in pts:
    kinds[p.kind] = kinds.get(p.kind, 0) + 1
print(sorted(kinds.items()))

temps = [Celsius(c) for c in range(0, 100, 7)]
acc = 0.0
for _ in range(50):
    for t in temps:
        acc += t.fahrenheit + t.kelvin
for t in temps:
    t.fahrenheit = t.fahrenheit + 9
print(round(acc, 3), [round(t._c, 2) for t in temps[:4]])

sl = [Slotted(i) for i in range(40)]
tot = 0
for _ in range(30):
    for s in sl:
        s.a += 1
        tot += s.a + s.b
print(tot)
try:
    sl[0].c = 1
except AttributeError as e:
    print("AttributeError:", e)

lz = Lazy()
total = 0
for i in range(200):
    total += lz.width
    if i == 100:
        lz.width = 1000
print(total, lz.hits)


def read_mixed(objs):
    out = 0
    for o in objs:
        out += o.x
    return out


class Other:
    def __init__(self):
        self.pad = 0
        self.x = 5


mixed = [Point(1, 2) if i % 2 else Other() for i in range(40)]
print(read_mixed(mixed))
d = pts[1].__dict__
d["x"] = 1000
print(read_mixed(pts[:3]))
try:
    print(pts[2].missing)
except AttributeError as e:
    print("AttributeError:", e)
