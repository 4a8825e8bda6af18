# Three-argument pow: modular exponentiation as number-theory code uses it
# (Fermat and Miller-Rabin tests, modular inverses, RSA-style round trips),
# with word-sized and big moduli, negative moduli and exponents, and CPython's errors.


def show_error(f):
    try:
        print("ok", f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


# Signs: the result takes the sign of the modulus.
for a in (-7, -1, 0, 1, 7, 12345):
    for m in (-13, -2, -1, 1, 2, 13, 2**31 - 1, 2**32 + 15, 2**61 - 1, -(2**63), 2**63 - 25):
        print(a, m, pow(a, 5, m), pow(a, 0, m), pow(a, 1, m))

# Exponent zero modulo one is zero, whatever the sign of the exponent.
print(pow(5, 0, 1), pow(5, 0, -1), pow(0, -3, 1), pow(2, -1, -1), pow(True, 10, 3), pow(3, True, False or 7))

# Negative exponents: the modular inverse (Python 3.8+).
for a, m in ((3, 7), (10, 17), (-4, 9), (2**40 + 3, 2**61 - 1), (123456789, -1000000007), (7, 2**64 + 13), (-5, 10**30 + 57)):
    inv = pow(a, -1, m)
    print(a, m, inv, a * inv % m, pow(a, -3, m), pow(a, -3, m) * pow(a, 3, m) % m)

# Big exponents with word-sized moduli, and big bases reduced first.
big = 3**200 + 17
print(pow(2, big, 1000000007), pow(big, big, 97), pow(-big, 12345, 2**62 + 1), pow(big, -big, 1000000007))
print(pow(7, 2**64, 2**63 - 25), pow(7, 2**64 - 1, 2**32 + 15), pow(7, 2**128 + 2**64, 65537))

# Big moduli.
p = 2**127 - 1
print(pow(3, p - 1, p), pow(-3, 10**20, p), pow(3, 10**20, -p), pow(2**200, 3, 2**130 + 3))

# RSA round trip with small textbook primes.
p, q, e = 1000003, 1000033, 65537
n = p * q
d = pow(e, -1, (p - 1) * (q - 1))
messages = [0, 1, 42, 999999999, n - 1]
print(d, [pow(pow(msg, e, n), d, n) == msg for msg in messages])

# Fermat pseudoprimes to base 2 below 5000.
print([n for n in range(3, 5000, 2) if pow(2, n - 1, n) == 1 and any(n % k == 0 for k in range(3, int(n**0.5) + 1, 2))])

# A hot loop: sum of i**i mod primes, under every tier.
total = 0
for i in range(1, 6000):
    total += pow(i, i, 1000003) - pow(i, -1, 1000003) + pow(-i, 3, -97)
print(total)

# CPython's errors.
show_error(lambda: pow(2, 3, 0))
show_error(lambda: pow(2**100, 3, 0))
show_error(lambda: pow(2, -1, 4))
show_error(lambda: pow(0, -1, 7))
show_error(lambda: pow(6, -2, 2**70))
show_error(lambda: pow(2.0, 3, 5))
show_error(lambda: pow(2, 3.0, 5))
show_error(lambda: pow(2, 3, "5"))
show_error(lambda: pow("2", 3, 5))
