# A dict that grows while a hot loop iterates over it: RuntimeError, raised from
# wherever the loop runs (tier 1, a trace, JIT code).
d = {}
for i in range(60):
    d[i] = i * i
n = 0
for k in d:
    n += d[k] % 7
    if k == 45:
        print("growing at", k, n)
        d[1000 + k] = 0
print("not reached", n)
