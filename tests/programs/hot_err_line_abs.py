# abs() of a str inside a hot loop
vals = [-1, 2.5, -7] * 2000 + ["neg"]
acc = 0
for v in vals:
    acc += 1
    acc += abs(v)
print("not reached", acc)
