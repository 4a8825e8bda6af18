# Float powers in hot loops: specialized (BINARY_OP_POWER_FLOAT / _MIX) for positive
# finite bases; zero, negative and overflowing cases are the generic path's.
acc = 0.0
vals = [2.0, 0.5, 1.0, 3.7, 1e-30, 1e30, 10.0]
exps = [0.5, -1.5, 2.0, 3.0, -0.25, 0.0, 1e-9]
for k in range(3000):
    x = vals[k % 7]
    y = exps[k % 5]
    r = x ** y
    if r < 1e200:
        acc += r
    acc += (k % 9 + 1) ** 0.5 + 2.5 ** (k % 4)
print(acc)
z = 0.0
for k in range(1000):
    z += (k * 0.01) ** 1.5
print(z)
for k in range(2000):
    b = 1.5 ** (k * 1.0)
print(b)
