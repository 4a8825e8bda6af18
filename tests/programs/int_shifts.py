# Shifts of small ints at the edges of the 48-bit range: the specialized forms must
# agree with the generic ones, and fall back when a result would not fit.
vals = [0, 1, -1, 5, -5, 12345, -12345, 2**46, -2**46, 2**47 - 1, -2**47, 2**40 + 3]
counts = [0, 1, 3, 15, 16, 31, 46, 47, 48, 63, 64, 100]
t = 0
for rep in range(40):
    for v in vals:
        for n in counts:
            a = v << n
            b = v >> n
            t = (t + a * 31 + b) % 1000000007
print(t)
s = 0
for i in range(100):
    s += (i << 40) >> 39
print(s)
h = 0
for i in range(3000):
    h = ((h << 5) ^ (h >> 3) ^ i) & 4294967295
print(h)
# The last count is negative: ValueError, raised by the generic form after the exit.
for i in range(40):
    y = 5 << (38 - i)
print(y)
