# Modular arithmetic with a class deriving from int: values stay ints everywhere an
# int goes, and arithmetic on them gives plain ints that the helpers wrap again.

P = 97


class Mod(int):
    """An int reduced modulo P."""

    def __new__(cls, value):
        return super().__new__(cls, value % P)

    def __repr__(self):
        return f"Mod({int(self)})"

    def plus(self, other):
        return Mod(self + other)

    def times(self, other):
        return Mod(self * other)

    def inverse(self):
        if self == 0:
            raise ZeroDivisionError("no inverse of 0 mod %d" % P)
        return Mod(pow(int(self), P - 2, P))

    @property
    def residue(self):
        return int(self)


class Weekday(int):
    NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    def __new__(cls, n):
        return int.__new__(cls, n % 7)

    def __str__(self):
        return self.NAMES[self]


a, b = Mod(150), Mod(-5)
print(a, b, repr(a), [a, b], type(a).__name__)
print(a.plus(b), a.times(b), a.inverse(), a.times(a.inverse()))
print(a + b, type(a + b).__name__, a * 2, -a, a // 3, a % 10, a ** 2, abs(b))
print(a == 53, 53 == a, a != b, a < b, max(a, b), sorted([b, a, Mod(1)]))
print(isinstance(a, int), isinstance(a, Mod), issubclass(Mod, int), type(int(a)) is int)
print(hash(a) == hash(53), {a: "x"}[53], {53: "y"}[a], a in [53], a.residue)
print(f"{a}", f"{a:04d}", f"{a:x}", "%d" % a, str(a), a.bit_length(), float(a))
print(bool(Mod(0)), bool(Mod(1)), Mod(97) or "zero", [10, 20, 30][Mod(98)])
print(list(range(Mod(3))), "ab" * Mod(99), sum([Mod(50), Mod(50)]))

day = Weekday(10)
print(day, repr(day), f"{day}", [day], day + 1, Weekday(day + 1), str(Weekday(-1)))
day.note = "gym"
print(day.note, day.__dict__, type(day).__name__)

# Solving a x = c for x, as a small linear-congruence helper would.
for c in (1, 5, 96):
    x = a.inverse().times(c)
    print(c, x, a.times(x) == c)
try:
    Mod(0).inverse()
except ZeroDivisionError as e:
    print("error:", e)
print(a.real, type(a.real).__name__, a.numerator, a.denominator, a.imag)
