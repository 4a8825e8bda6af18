# Operator overloading: 2-D vectors, exact fractions and small matrices.


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


class Frac:
    def __init__(self, num, den=1):
        if den < 0:
            num, den = -num, -den
        g = gcd(abs(num), den)
        self.num = num // g
        self.den = den // g

    def _coerce(self, other):
        if isinstance(other, int):
            return Frac(other)
        return other

    def __add__(self, other):
        other = self._coerce(other)
        if not isinstance(other, Frac):
            return NotImplemented
        return Frac(self.num * other.den + other.num * self.den, self.den * other.den)

    __radd__ = __add__

    def __sub__(self, other):
        other = self._coerce(other)
        return Frac(self.num * other.den - other.num * self.den, self.den * other.den)

    def __rsub__(self, other):
        return self._coerce(other) - self

    def __mul__(self, other):
        other = self._coerce(other)
        return Frac(self.num * other.num, self.den * other.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._coerce(other)
        return Frac(self.num * other.den, self.den * other.num)

    def __pow__(self, n):
        return Frac(self.num ** n, self.den ** n)

    def __lt__(self, other):
        other = self._coerce(other)
        return self.num * other.den < other.num * self.den

    def __le__(self, other):
        return self == other or self < other

    def __eq__(self, other):
        other = self._coerce(other)
        return self.num == other.num and self.den == other.den

    def __hash__(self):
        return hash((self.num, self.den))

    def __str__(self):
        if self.den == 1:
            return str(self.num)
        return f"{self.num}/{self.den}"

    def __format__(self, spec):
        return format(self.num / self.den, spec)


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        n, m, p = len(self.rows), len(other.rows), len(other.rows[0])
        out = []
        for i in range(n):
            row = []
            for j in range(p):
                s = 0
                for k in range(m):
                    s += self.rows[i][k] * other.rows[k][j]
                row.append(s)
            out.append(row)
        return Matrix(out)

    def __pow__(self, n):
        result = Matrix([[1, 0], [0, 1]])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"


a = Vec(3, 4)
b = Vec(1, -2)
print(a + b, a - b, a * 2, 2 * a, a * b, -a, +a, abs(a), a / 2)
print(a == Vec(3, 4), a != b, a == "Vec(3, 4)", a + b == b + a)
print("vec: %s" % a, "pair: %r, %r" % (a, b))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 - a
except TypeError as e:
    print("TypeError:", e)
total = Vec(0, 0)
for v in [a, b, Vec(10, 10)]:
    total += v
print("total", total)
seen = {a: "a", b: "b"}
print(seen[Vec(3, 4)], Vec(1, -2) in seen, Vec(0, 0) in seen)

# Harmonic numbers, exactly.
h = Frac(0)
for k in range(1, 11):
    h = h + Frac(1, k)
print("H10 =", h, f"{h:.6f}")
print(1 + Frac(1, 2), Frac(1, 2) + 1, 1 - Frac(1, 3), 3 * Frac(2, 9), Frac(2, 3) ** 3)
print(Frac(1, 3) < Frac(1, 2), Frac(2, 4) == Frac(1, 2), Frac(1, 2) <= Frac(1, 2), Frac(3, 4) > Frac(2, 3))
fracs = [Frac(3, 4), Frac(1, 6), Frac(5, 8), Frac(1, 2)]
print([str(f) for f in sorted(fracs)], str(min(fracs)), str(max(fracs)))
print(Frac(6, 8) in fracs, fracs.index(Frac(10, 16)), len({Frac(1, 2): 1, Frac(2, 4): 2}))

fib = Matrix([[1, 1], [1, 0]])
print(fib ** 10, (fib ** 90)[0, 1])
print(fib @ fib)
