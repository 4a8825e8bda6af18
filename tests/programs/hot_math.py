# Hot loops calling math functions (tier 2 and the JIT trace through the module
# attribute loads and the builtin calls), numeric integration, and a distance table.
import math
from math import sin, cos, sqrt


def integrate(f, a, b, n):
    h = (b - a) / n
    total = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        total += f(a + i * h)
    return total * h


def gauss(x):
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


print(integrate(gauss, -3.0, 3.0, 6000))
print(integrate(math.sin, 0.0, math.pi, 5000))

acc = 0.0
ints = 0
for i in range(1, 8000):
    x = i * 0.001
    acc += sin(x) * cos(x) + sqrt(x) - math.log(x) + math.atan2(x, 1.0)
    ints += math.floor(x * 10) + math.isqrt(i) + math.gcd(i, 360)
print(acc, ints)

pts = [(math.cos(k * 0.7) * k, math.sin(k * 1.3) * k) for k in range(60)]
best = math.inf
far = 0.0
for i in range(len(pts)):
    p = pts[i]
    for j in range(len(pts)):
        q = pts[j]
        if i != j:
            d = math.hypot(p[0] - q[0], p[1] - q[1])
            if d < best:
                best = d
            far = max(far, math.dist(p, q))
print(best, far)

total = 0.0
for k in range(6000):
    total += math.fsum([k * 0.1, 0.2, -0.3]) + math.fabs(-k) * 1e-3
print(total)
