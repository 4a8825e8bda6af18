# HOT: small functions called inside hot loops (positional, keyword, defaults)
def add(a, b):
    return a + b


def square(x):
    return x * x


def clamp(x, lo=0, hi=1000000):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def weighted(v, scale=3, offset=1):
    return v * scale + offset


total = 0
for i in range(30000):
    total = add(total, square(i % 100))
    total = clamp(total, hi=5000000) % 4999999
print(total)
count = 0
for n in range(20000):
    if is_prime(n):
        count += 1
print("primes below 20000:", count)
w = 0
for i in range(10000):
    w += weighted(i) - weighted(i, offset=0) + weighted(v=i, scale=1)
print(w)
s = 0
for i in range(10000):
    s += clamp(i - 5000, -100, 100)
print(s)
