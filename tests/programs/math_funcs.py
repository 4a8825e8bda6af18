# The math module: constants, float functions (libm, bit for bit), rounding to ints
# (big ones too), integer functions, fsum, hypot and dist, and the special values.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
xs = [0.0, 0.5, 1.0, 2.0, 3.7, 10.0, 123.456, 1e-7, 1e10]
for x in xs:
    print(x, math.sqrt(x), math.exp(x / 1e9), math.log1p(x), math.expm1(x / 1e8), math.cbrt(x))
    print("  trig", math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x / 1e8), math.cosh(x / 1e8), math.tanh(x))
    print("  inv", math.asinh(x), math.acosh(x + 1), math.atan2(x, 1.5), math.erf(x / 3), math.erfc(x / 3))
    if x > 0:
        print("  logs", math.log(x), math.log2(x), math.log10(x), math.log(x, 3), math.log(x, 0.5))
for x in [-0.9, -0.5, 0.0, 0.25, 0.99]:
    print(x, math.asin(x), math.acos(x), math.atanh(x))
print(math.log(10 ** 400), math.log2(2 ** 3000), math.log10(10 ** 999), math.log(2 ** 1000, 2), math.log(7 ** 300, 7))
print(math.pow(2, 0.5), math.pow(-2, 3), math.pow(0.0, 0), math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(1.0, math.nan))
print(math.fabs(-3), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(5, math.inf), math.copysign(1, -0.0), math.copysign(2.5, 3))
print(math.modf(3.75), math.modf(-0.5), math.modf(math.inf), math.frexp(0.0), math.frexp(1e300), math.frexp(-5e-324), math.frexp(48))
print(math.ldexp(0.5, 1024), math.ldexp(1.0, -1074), math.ldexp(1.5, -1075), math.ldexp(3, -10), math.ldexp(1.0, -5000))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(1e20), math.ceil(2.0 ** 70 + 0.0), math.trunc(-1.5e19), math.floor(True), math.ceil(10 ** 30))
print(math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isfinite(10 ** 100), math.isnan(3))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.degrees(math.pi / 3), math.radians(270), math.degrees(1), math.radians(1e-3))
print(math.hypot(3, 4), math.hypot(1e200, 1e200), math.hypot(), math.hypot(-7), math.hypot(1, 2, 3, 4, 5), math.hypot(1e-320, 2e-320), math.hypot(0.1, 0.2, 0.3))
print(math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, -1.0], [0.25, 1e-3, 7.0]), math.dist((), ()))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([math.inf, 1.0]), math.fsum(range(10)))
print(math.fsum([1.0, 1e-16, 1e-16, 1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -60]), math.fsum([-0.0, -0.0]))
print(math.prod([1, 2, 3, 4, 5]), math.prod([0.5, 4, 3]), math.prod([]), math.prod(range(1, 30)), math.prod([2, 3], start=10))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 41), math.isqrt(2 ** 127 - 1))
print(math.factorial(0), math.factorial(20), math.factorial(52))
print(math.gcd(), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 40), math.gcd(15, 25, 35))
print(math.lcm(), math.lcm(4, 6), math.lcm(0, 5), math.lcm(-3, 7, 11), math.lcm(2 ** 70, 3 ** 5))
print(math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.comb(10 ** 20, 2), math.perm(5), math.perm(5, 2), math.perm(3, 5), math.perm(30, 10))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0), math.ulp(1.0), math.ulp(1e300), math.ulp(0.0), math.ulp(math.inf))
print(math.exp2(0.5), math.exp2(-1074), math.exp(-800), math.sqrt(10 ** 20), math.sqrt(True))
