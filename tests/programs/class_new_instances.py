# __new__: singletons, caches of instances, factories returning other types, and
# classes deriving from tuple that build their values in __new__.
from collections import namedtuple


class Config:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            print("creating the config")
            cls._instance = super().__new__(cls)
            cls._instance.values = {}
        return cls._instance

    def __init__(self):
        # Runs on every call, as __new__ returns an instance of the class.
        self.calls = getattr(self, "calls", 0) + 1


a = Config()
a.values["debug"] = True
b = Config()
print(id(a) == id(b), b.values, b.calls)


class Color:
    _cache = {}

    def __new__(cls, name):
        name = name.lower()
        if name not in cls._cache:
            obj = object.__new__(cls)
            obj.name = name
            cls._cache[name] = obj
        return cls._cache[name]

    def __repr__(self):
        return f"Color({self.name!r})"


print(id(Color("Red")) == id(Color("RED")), Color("blue"), len(Color._cache), sorted(Color._cache))


class Number:
    def __new__(cls, text):
        # A factory: what it returns is not a Number, so __init__ is skipped.
        return float(text) if "." in text else int(text)

    def __init__(self, text):
        print("never called")


print(Number("3.5"), Number("42"), type(Number("7")).__name__)


class Base:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.made_by = cls.__name__
        return obj

    def __init__(self, *args):
        self.args = args


class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x, y)
        self.sum = x + y


d = Derived(2, 3)
print(d.made_by, d.args, d.sum, isinstance(d, Base))


class Vec(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def plus(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


v = Vec(1, 2).plus(Vec(10, 20))
print(v, str(v), v.x, len(v), v == (11, 22), v + (0,), sorted([Vec(3, 1), Vec(1, 2)]))
print(type(v).__name__, isinstance(v, tuple), Vec.__mro__, Vec.__bases__, v.count(11), v.index(22))
print({Vec(0, 0): "origin"}[(0, 0)], max(v), list(reversed(v)), tuple(v), v[::-1])


class Pair(tuple):
    pass


p = Pair("ab")
p.note = "letters"
print(p, p.note, Pair(), Pair([1, 2]) + Pair([3]), tuple.__new__(Pair, range(3)))


class Sorted(tuple):
    def __new__(cls, items):
        return tuple.__new__(cls, sorted(items))

    def __init__(self, items):
        self.size = len(self)


s = Sorted([3, 1, 2])
print(s, s.size, s[0])

Point = namedtuple("Point", ["x", "y"])


class Point3(Point):
    def __new__(cls, x, y, z=0):
        self = super().__new__(cls, x, y)
        self.z = z
        return self

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"


q = Point3(1, 2, 3)
print(q, q.z, q[:], q._asdict(), Point3(4, 5))
