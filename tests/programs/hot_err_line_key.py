# A KeyError raised inside a hot loop's trace names the line that raised it
d = {1: 1}
total = 0
for k in [1] * 5000 + [2]:
    total += 1
    x = d[k]
    total += x
print("not reached", total)
