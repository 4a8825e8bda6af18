# A module-level loop over globals: the trace checks the globals' types once at its
# entry, and its body runs without type guards. In the third phase the globals hold
# ints instead: the entry guards fail and the loop still computes the right thing.
acc = 0.0
a = 0.5
for phase in range(4):
    if phase == 2:
        a = 3
        acc = 0
    for i in range(3000):
        acc = acc + a * 2
        if phase < 2:
            a = a * 1.0000001
        else:
            a = a + 1
    print(phase, acc, a)
