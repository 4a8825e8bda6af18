# Gamma-function tables the way numeric scripts print them: factorials of real
# numbers, log-likelihoods with lgamma, binomials of big arguments, and the errors.
import math


def beta(a, b):
    return math.exp(math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))


def log_binomial(n, k):
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def poisson_log_pmf(k, lam):
    return k * math.log(lam) - lam - math.lgamma(k + 1)


print(f"{'x':>8} {'gamma(x)':>24} {'lgamma(x)':>22}")
xs = [0.5, 1.5, 2.5, 3.0, 4.7, 10.1, 0.001, 1e-25, 25.5, 99.9, 141.3, 170.6, -0.5, -1.5, -2.25, -10.1, -150.7, -199.9]
for x in xs:
    print(f"{x:>8} {math.gamma(x)!r:>24} {math.lgamma(x)!r:>22}")

checks = 0
for n in range(1, 30):
    if math.gamma(n) == math.factorial(n - 1):
        checks += 1
print("integer gammas exact:", checks)
print("beta:", [round(beta(a, b), 12) for a, b in [(1, 1), (2, 3), (0.5, 0.5), (7.5, 2.25)]])
print("log C(1000, 500):", log_binomial(1000, 500), "vs", math.log(math.comb(1000, 500)))
print("poisson:", [round(math.exp(poisson_log_pmf(k, 3.2)), 10) for k in range(6)])
print("big:", math.lgamma(1e10), math.lgamma(-1e10 - 0.5), math.lgamma(1e300), math.gamma(-250.5), math.gamma(-1e-300))
print("special:", math.gamma(float("inf")), math.lgamma(float("-inf")), math.gamma(float("nan")), math.lgamma(float("nan")))
for f, x in [(math.gamma, 0), (math.gamma, -3), (math.gamma, 171.7), (math.gamma, float("-inf")), (math.lgamma, 0.0),
             (math.lgamma, -7), (math.gamma, 1e-320), (math.lgamma, "2")]:
    try:
        print(f.__name__, x, f(x))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, repr(x), type(e).__name__, e)
