# A branch inside a function the loop's trace follows flips: the trace stitched on at
# that exit starts inside the call, returns into the loop's frame and goes on there.
def pick(v, phase):
    if phase == 0:
        return v + 3
    return v - 1


t = 0
for i in range(6000):
    t = pick(t, (i // 1500) % 2)
print(t)
