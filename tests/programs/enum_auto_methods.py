# Enums with behaviour: auto() values, members carrying data through __init__,
# methods, properties, class methods, _missing_, and match statements.
from enum import Enum, auto
import copy


class Token(Enum):
    NUMBER = auto()
    PLUS = auto()
    MINUS = auto()
    STAR = auto()
    LPAREN = auto()
    RPAREN = auto()
    END = auto()


print([(t.name, t.value) for t in Token])


class Mixed(Enum):
    A = 10
    B = auto()
    C = 5
    D = auto()
    E = 2.5
    F = auto()


class Labels(Enum):
    FIRST = "first"
    SECOND = "second"
    OTHER = auto()


print([(m.name, m.value) for m in Labels])


print([(m.name, m.value) for m in Mixed])


class Weekday(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.title()

    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()

    @classmethod
    def from_abbrev(cls, abbrev):
        for day in cls:
            if day.value.startswith(abbrev):
                return day
        raise ValueError(f"no day {abbrev!r}")

    @staticmethod
    def count():
        return len(Weekday)


print(list(Weekday), Weekday("Tuesday"), Weekday.from_abbrev("Wed"), Weekday.count())


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)
    MARS = (6.421e+23, 3.3972e6)

    def __init__(self, mass, radius):
        self.mass = mass       # in kilograms
        self.radius = radius   # in meters

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)

    def weight(self, earth_weight):
        return earth_weight / Planet.EARTH.surface_gravity * self.surface_gravity


for p in Planet:
    print(f"{p.name:<8} mass={p.mass:.3e} radius={p.radius:.4e} g={p.surface_gravity:6.2f} 80kg->{p.weight(80):7.2f}")
print(Planet.EARTH.value, Planet((6.421e+23, 3.3972e6)))


class Shape(Enum):
    SQUARE = 4
    TRIANGLE = 3
    CIRCLE = 0

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.name == value.upper():
                    return member
        return None

    def __str__(self):
        return self.name.capitalize()

    def describe(self):
        if self.value:
            return f"{self} with {self.value} sides"
        return f"{self} without corners"


print(Shape("square"), Shape(3), Shape("Circle").describe())
print(f"{Shape.TRIANGLE}", format(Shape.SQUARE, "*^10"), repr(Shape.CIRCLE))
try:
    Shape("hexagon")
except ValueError as e:
    print("ValueError:", e)


class Bad(Enum):
    ONE = 1

    @classmethod
    def _missing_(cls, value):
        return 42


try:
    Bad(2)
except TypeError as e:
    print("TypeError:", e)


def evaluate(op, a, b):
    match op:
        case Token.PLUS:
            return a + b
        case Token.MINUS:
            return a - b
        case Token.STAR:
            return a * b
        case other:
            return f"cannot apply {other.name}"


print(evaluate(Token.PLUS, 6, 7), evaluate(Token.STAR, 6, 7), evaluate(Token.END, 1, 2))


def classify(day):
    match day:
        case Weekday.MONDAY | Weekday.TUESDAY:
            return "early"
        case Weekday():
            return "later"


print([classify(d) for d in Weekday])

# Members are singletons: copies are the member itself.
print(copy.copy(Token.STAR) is Token.STAR, copy.deepcopy([Token.END])[0] is Token.END)


class Priority(Enum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


tasks = [("write tests", Priority.HIGH), ("lunch", Priority.LOW), ("review", Priority.MEDIUM)]
print(sorted(tasks, key=lambda t: t[1]))
print(max(Priority), min(Priority), Priority.LOW < Priority.HIGH)
