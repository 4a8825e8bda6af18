# HOT: branch direction flips halfway / periodically
a = 0
b = 0
for i in range(20000):
    if i < 10000:
        a += i
    else:
        b += i
print(a, b)
phase = [0, 0]
x = 0
for i in range(24000):
    if (i // 3000) % 2 == 0:
        x += 3
        phase[0] += 1
    else:
        x -= 1
        phase[1] += 1
print(x, phase)
vals = [i % 97 for i in range(10000)]
hi = 0
lo = 0
threshold = 90
for i in range(len(vals)):
    if i == 5000:
        threshold = 10
    if vals[i] > threshold:
        hi += 1
    else:
        lo += 1
print(hi, lo)


def sgn_sum(n):
    s = 0
    for i in range(n):
        v = n // 2 - i
        if v > 0:
            s += 1
        elif v < 0:
            s -= 2
        else:
            s += 100
    return s


print(sgn_sum(10000), sgn_sum(7))
k = 0
steps = 0
while k < 12000:
    if k < 6000:
        k += 1
    else:
        k += 2
    steps += 1
print(k, steps)
