# Benchmark: tight integer arithmetic loops (LCG, bit ops, floor div/mod)
x = 12345
total = 0
for i in range(1800000):
    x = (x * 1103515245 + 12345) % 2147483648
    total += (x >> 16) & 1023
    total -= i % 7
print(total, x)
h = 0
i = 0
while i < 1200000:
    h = ((h << 5) ^ (h >> 3) ^ i) & 4294967295
    i += 1
print(h)
