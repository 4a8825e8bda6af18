# A shape hierarchy: abstract-style base class, overriding, super() chains through
# several levels, multiple inheritance with the C3 order, class attributes shadowed
# by instance attributes, methods taken as values, and classes defined in functions.


class Shape:
    sides = 0
    name = "shape"

    def __init__(self, label):
        self.label = label

    def area(self):
        raise NotImplementedError("area of " + self.name)

    def describe(self):
        return f"{self.label}: {self.name} with {self.sides} sides, area {self.area():.3f}"


class Rect(Shape):
    sides = 4
    name = "rectangle"

    def __init__(self, label, w, h):
        super().__init__(label)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    name = "square"

    def __init__(self, label, side):
        super().__init__(label, side, side)


class Circle(Shape):
    name = "circle"
    PI = 3.141592653589793

    def __init__(self, label, r):
        super().__init__(label)
        self.r = r

    def area(self):
        return Circle.PI * self.r ** 2


class Triangle(Shape):
    sides = 3
    name = "triangle"

    def __init__(self, label, a, b, c):
        Shape.__init__(self, label)
        self.a, self.b, self.c = a, b, c

    def area(self):
        s = (self.a + self.b + self.c) / 2
        return (s * (s - self.a) * (s - self.b) * (s - self.c)) ** 0.5


shapes = [Rect("r1", 3, 4), Square("s1", 5), Circle("c1", 1.5), Triangle("t1", 3, 4, 5)]
for s in shapes:
    print(s.describe())
print(sorted([s.label for s in shapes], key=lambda l: l[::-1]))
biggest = max(shapes, key=lambda s: s.area())
print("biggest:", biggest.label, type(biggest).__name__)
print([type(s).__name__ for s in shapes if isinstance(s, Rect)])
try:
    Shape("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)

sq = shapes[1]
sq.name = "my square"
print(sq.describe(), Square.name, sq.perimeter())
area = sq.area
sq.w = 6
print(area(), Rect.area(sq))


# Multiple inheritance: cooperative super() follows the MRO of the instance's class.
class Base:
    def __init__(self):
        self.log = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")

    def hello(self):
        return "Diamond>" + super().hello()


d = Diamond()
print(d.log, d.hello())
print(isinstance(d, Right), issubclass(Diamond, Left), issubclass(Left, Right))
try:
    class Bad(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)


def make_counter_class(start):
    class Counter:
        def __init__(self):
            self.n = start

        def tick(self):
            self.n += 1
            return self.n

    return Counter


C = make_counter_class(10)
c1, c2 = C(), C()
c1.tick()
print(c1.tick(), c2.tick(), C.__name__, C.__qualname__)
print(c1.__dict__, type(c1) is C, c1.__class__ is C)
setattr(c1, "extra", [1, 2])
print(getattr(c1, "extra"), hasattr(c2, "extra"))
