# Benchmark: tight float arithmetic loops (polynomial eval, integration, recurrences)
n = 2500000
h = 1.0 / n
s = 0.0
x = 0.0
for i in range(n):
    x = (i + 0.5) * h
    s += 4.0 / (1.0 + x * x)
print(f"pi ~ {s * h:.12f}")
a = 0.5
b = 0.25
acc = 0.0
for i in range(1200000):
    a = a * 0.999999 + b * 0.000001
    b = b * 1.0000005 - a * 0.0000001
    acc += a * b - (a - b) * 0.5
print(f"{a:.12f} {b:.12f} {acc:.6f}")
