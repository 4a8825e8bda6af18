# Solving quadratics (and a cubic) with complex roots: cmath.sqrt, formatting of
# complex numbers, polar form, classification with match and isinstance.
import cmath


def solve(a, b, c):
    disc = b * b - 4 * a * c
    root = cmath.sqrt(disc)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)


def describe(z):
    match z:
        case complex(imag=0.0) as r:
            return f"real {r.real:g}"
        case complex(real=0.0, imag=i):
            return f"imaginary {i:g}i"
        case complex():
            return f"complex {z:.4g}"
        case _:
            return "not complex"


equations = [(1, -3, 2), (1, 2, 5), (1, 0, 1), (2, -4, 10), (1, 0, -2), (4, 4, 1), (1, 1, 1), (3, 0, 12)]
for a, b, c in equations:
    r1, r2 = solve(a, b, c)
    print(f"{a}x^2 {b:+d}x {c:+d} = 0 ->", r1, r2)
    print("   ", describe(r1), "|", describe(r2))
    for r in (r1, r2):
        check = a * r * r + b * r + c
        assert abs(check) < 1e-9, check
    mod, arg = cmath.polar(r1)
    print(f"    polar: r={mod:.6f} phi={arg:.6f}  rect back: {cmath.rect(mod, arg):.6f}")
    print(f"    sum {r1 + r2}  product {r1 * r2}  |{r1:>24}|{r2:<24}|{r1:^26.3f}|")

# Cardano's cubic with complex cube roots of unity.
omega = complex(-0.5, 3 ** 0.5 / 2)


def cubic_roots(p, q):
    """Roots of t^3 + p t + q = 0."""
    d = cmath.sqrt((q / 2) ** 2 + (p / 3) ** 3)
    u = (-q / 2 + d) ** (1 / 3)
    roots = []
    for k in range(3):
        uk = u * omega ** k
        vk = -p / (3 * uk)
        roots.append(uk + vk)
    return roots


for p, q in [(-7, 6), (1, 1), (-2, 4), (0, -8)]:
    rs = cubic_roots(p, q)
    print(p, q, [f"{r:.5f}" for r in rs], max(abs(r ** 3 + p * r + q) for r in rs) < 1e-9)

print((-8) ** 0.5, pow(-8, 0.5), (-2.0) ** 1.5, (-1) ** (1 / 3), pow(-27, 1 / 3))
values = [3 + 4j, -1j, 2.5, 7, -0.0j, complex("1e-3-2.5e+2j"), complex(" (6-8J) "), complex(2, -0.0)]
for v in values:
    print(repr(v), str(v), isinstance(v, complex), type(v) is complex, bool(v), hash(v) == hash(complex(v)))
print(sorted(values[:2] + values[5:], key=abs))
print(max([1 + 1j, 3j, -2], key=abs), abs(3 + 4j), abs(-2j), (1 + 2j).real, (1 + 2j).imag, (2 - 3j).conjugate())
print({1 + 0j: "one", 2j: "two"}, {1: "a"}[1 + 0j], 1 + 0j in {1, 2}, 2.0 + 0j == 2, 2j != 2)
print(f"{1j:e}|{-1.5 + 2j:E}|{1e20j:g}|{12345.678 + 0.001j:.2f}|{2j:+}|{2j: }|{1 + 1j:*^20}|{1e-7 + 1j:.3}")
print(complex(), complex(1), complex(1.5, 2), complex(1 + 2j, 3 + 4j), complex(real=1, imag=-2), complex(True))
print(1e300j * 10, 1e16 + 1j, 123456789012345678 + 1j, complex(float("nan"), 1), complex(1, float("-inf")))
z = 2 + 3j
z += 1
z -= 1j
z *= 2
z /= 4
z **= 2
print(z, -z, +z, z == (1.5 + 1j) ** 2)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isfinite(1 + 2j), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj), cmath.isinf(1j))
