# Units of measure as float subclasses: arithmetic falls back to float's and gives
# plain floats unless the class keeps its own type.
import math


class Meters(float):
    def __repr__(self):
        return f"Meters({float(self)!r})"

    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(float(self) + float(other))
        return NotImplemented

    def to_feet(self):
        return self * 3.28084


class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError(f"below absolute zero: {degrees}")
        return super().__new__(cls, degrees)

    def __init__(self, degrees):
        self.label = "C"

    @property
    def fahrenheit(self):
        return self * 9 / 5 + 32


class Score(float):
    pass


a, b = Meters(1.5), Meters(2.25)
print(a, b, a + b, type(a + b).__name__)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
print(a + 1.0, type(a + 1.0).__name__, 1 + a, 0.5 + a, a * 2, 10 / a, a - b, -a, abs(Meters(-4.0)))
print(round(a.to_feet(), 3), a.is_integer(), Meters(3.0).is_integer(), a.real, a.hex())
print(isinstance(a, float), isinstance(a, Meters), issubclass(Meters, float), type(a) is Meters)
print(a == 1.5, a < b, b >= 2.25, a != 1.5, max(a, b), min([b, a, 2.0]))
print(hash(a) == hash(1.5), {a: "one and a half"}[1.5], 1.5 in {a}, sorted([b, 0.5, a]))

t = Celsius(21.5)
print(t, t.label, t.fahrenheit, f"{t:.1f}", f"{t}", str(t), repr(t), type(t).__name__)
print(int(t), round(t), round(t, -1), math.floor(t), math.ceil(t), math.trunc(t), math.sqrt(Celsius(16)))
print(float(t), type(float(t)).__name__, t.__class__.__name__, bool(Celsius(0)), bool(t))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)

scores = [Score(x) for x in ("9.5", 7, 8.25)]
print(scores, sum(scores), sum(scores) / len(scores), divmod(Score(7.5), 2), Score(2) ** 3, Score())
print("%.2f and %s" % (Score(1.234), Score(2)), "{:>8.3f}|".format(Score(3.14159)))
totals = {}
for s in scores:
    totals[s] = totals.get(s, 0) + 1
print(totals, Score(8.25) in totals, [k for k in totals if k > 8])
s = Score(1.0)
s += 2
print(s, type(s).__name__)
