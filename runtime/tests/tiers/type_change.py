# The loop's values change from ints to floats midway: the int guards exit, and tier 2
# recovers with code for floats.
acc = 0
for i in range(40000):
    if i == 20000:
        acc = float(acc)
    acc = acc + i
print(acc)
