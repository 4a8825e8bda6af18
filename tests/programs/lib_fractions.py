"""Exact arithmetic with fractions.Fraction: Egyptian fractions, continued fractions,
harmonic numbers, Bernoulli numbers and a rational matrix inverse."""
import math
from fractions import Fraction


def egyptian(fr: Fraction) -> list:
    parts = []
    while fr.numerator != 0:
        unit = Fraction(1, math.ceil(fr.denominator / fr.numerator))
        parts.append(unit)
        fr -= unit
    return parts


def continued(fr: Fraction) -> list:
    terms = []
    while True:
        whole = math.floor(fr)
        terms.append(whole)
        fr -= whole
        if fr == 0:
            return terms
        fr = 1 / fr


def bernoulli(n: int) -> list:
    b = [Fraction(0)] * (n + 1)
    for m in range(n + 1):
        b[m] = Fraction(1, m + 1)
        for j in range(m, 0, -1):
            b[j - 1] = j * (b[j - 1] - b[j])
    return b


def invert(matrix):
    n = len(matrix)
    aug = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if aug[r][col] != 0)
        aug[col], aug[pivot] = aug[pivot], aug[col]
        p = aug[col][col]
        aug[col] = [x / p for x in aug[col]]
        for r in range(n):
            if r != col and aug[r][col] != 0:
                f = aug[r][col]
                aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]


print(egyptian(Fraction(4, 13)), egyptian(Fraction(6, 7)))
print(continued(Fraction(415, 93)), continued(Fraction("3.245")))
harmonic = sum(Fraction(1, k) for k in range(1, 21))
print(harmonic, float(harmonic), round(harmonic, 3), harmonic.limit_denominator(1000))
print([str(x) for x in bernoulli(10)])
inv = invert([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
print([[str(x) for x in row] for row in inv])
pi_approx = Fraction(math.pi).limit_denominator(1000)
print(pi_approx, pi_approx.numerator, pi_approx.denominator, float(pi_approx) - math.pi < 1e-6)
print(Fraction("-12.5e-1"), Fraction(" 7/-1 ".replace("-", "")), Fraction(0.1), Fraction(1, 3) + 0.5)
print(Fraction(3, 4) ** 2, Fraction(9, 16) ** -1, 2 ** Fraction(3), Fraction(1, 2) ** Fraction(1, 2))
print(sorted([Fraction(1, 3), 0.3, 1, Fraction(-2), 0.35]), max(Fraction(7, 9), Fraction(8, 11)))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(6, 3)) == hash(2), {Fraction(4, 2): "two"}[2])
print(Fraction(-7, 2) // 2, Fraction(-7, 2) % 2, divmod(7, 2), math.trunc(Fraction(-7, 2)), int(Fraction(7, 2)))
print(repr(Fraction(10, -4)), abs(Fraction(-1, 3)), -Fraction(1, 3), bool(Fraction(0)), Fraction(5).denominator == 1)
total = Fraction(0)
for i in range(1, 400):
    total += Fraction(1, i * (i + 1))
print(total)
for bad in [("1/0",), (1, 0), ("x/2",), (1.5, 2)]:
    try:
        Fraction(*bad)
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 2) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
