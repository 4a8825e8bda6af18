# HOT: integers cross the 64-bit boundary mid-loop (small -> big -> small)
s = 0
for i in range(20000):
    s += i * i * i * i
print(s)
f = 1
mods = 0
for i in range(1, 6000):
    if i < 40:
        f = f * i
    else:
        f = f // 3 + i
    mods += f % 1000
print(f, mods)
x = 3
for i in range(8000):
    x = x * x if x < 2 ** 40 else x % 1000003 + 7
print(x)
neg = -1
for i in range(7000):
    if i < 70:
        neg = neg * 2
    else:
        neg = neg + 1
print(neg)
acc = 0
for i in range(10000):
    acc = (acc + 9223372036854775807) % 18446744073709551629
print(acc)
m = 0
for i in range(6000):
    m += (i << 60) >> 59
print(m)
