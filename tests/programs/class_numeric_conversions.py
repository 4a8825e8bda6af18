"""Classes that convert to numbers: __int__, __float__, __round__, __floor__,
__ceil__, __trunc__, used by int(), float(), round() and the math module."""
import math


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __float__(self) -> float:
        return self.cents / 100

    def __int__(self) -> int:
        return self.cents // 100

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(self.cents / 100)
        return Money(round(self.cents, ndigits - 2))

    def __repr__(self) -> str:
        return f"Money({self.cents})"


class Angle:
    def __init__(self, degrees: float) -> None:
        self.degrees = degrees

    def __float__(self) -> float:
        return math.radians(self.degrees)


class Interval:
    def __init__(self, lo: float, hi: float) -> None:
        self.lo, self.hi = lo, hi

    def __floor__(self):
        return math.floor(self.lo)

    def __ceil__(self):
        return math.ceil(self.hi)

    def __trunc__(self):
        return int(self.lo)


class Bad:
    def __float__(self):
        return "1.0"

    def __int__(self):
        return 2.5


m = Money(12345)
print(float(m), int(m), round(m), round(m, 1), round(m, -1))
print(math.sqrt(Money(400)), math.floor(Money(199)), math.ceil(Money(101)), math.isclose(Money(100), 1.0))
a = Angle(90)
print(round(math.sin(a), 12), round(math.cos(Angle(180)), 12), math.degrees(Angle(45)))
iv = Interval(-2.5, 3.25)
print(math.floor(iv), math.ceil(iv), math.trunc(iv), int(iv))
print(sum(float(Money(c)) for c in range(0, 1000, 7)))
for f, arg in ((float, Bad()), (int, Bad()), (round, Interval(0, 1)), (math.sqrt, Bad())):
    try:
        print(f(arg))
    except TypeError as e:
        print("TypeError:", e)
total = 0.0
for i in range(5000):
    total += float(Money(i)) + int(Money(i * 3))
print(round(total, 2))
