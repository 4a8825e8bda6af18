# HOT: float arithmetic loops (integration, series, Newton iteration)
n = 20000
h = 1.0 / n
s = 0.0
for i in range(n):
    x = (i + 0.5) * h
    s += 4.0 / (1.0 + x * x)
print(s * h)
leibniz = 0.0
sign = 1.0
for k in range(30000):
    leibniz += sign / (2 * k + 1)
    sign = -sign
print(leibniz * 4)
total = 0.0
for v in range(1, 5001):
    r = v * 1.0
    for _ in range(4):
        r = 0.5 * (r + v / r)
    total += r
print(total)
px = 0.0
py = 0.5
vx = 1.0
vy = 0.0
dt = 0.001
for step in range(10000):
    ax = -px
    ay = -py - 0.1 * vy
    vx += ax * dt
    vy += ay * dt
    px += vx * dt
    py += vy * dt
print(px, py, vx, vy)
mn = 1e300
mx = -1e300
for i in range(10000):
    y = (i * 0.37) % 10.0 - 5.0
    if y < mn:
        mn = y
    if y > mx:
        mx = y
print(mn, mx)
