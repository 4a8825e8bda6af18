# unary minus on a str inside a hot loop
vals = [1, 2.5, 3] * 2000 + ["s"]
acc = 0
for v in vals:
    acc = acc + 1
    acc += -v
print("not reached", acc)
