# exp overflows: "math range error" (OverflowError) from a hot loop.
import math

total = 0.0
for i in range(6000):
    total += math.exp(i / 8.0) * 1e-300
print(total)
