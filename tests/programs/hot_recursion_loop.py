# HOT: recursive calls inside hot loops
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


total = 0
for i in range(200):
    total += fib(i % 15)
print(total)
g = 0
for a in range(1, 120):
    for b in range(1, 60):
        g += gcd(a, b)
print(g)
d = 0
for i in range(300):
    d += depth_sum(i % 50)
print(d)
