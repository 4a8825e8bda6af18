# One function inlined at two call sites of a loop, its branch flipping: the exit
# inside it is taken from both calls. A trace stitched on there returns into the call
# it was made for, so each call site needs an exit of its own.
def magnitude(v):
    if v > 0:
        return v
    return -v


a = 0
b = 0
total = 0
for i in range(3000):
    total += magnitude(i % 5 - 2)
    a += 1
    total += magnitude(2 - i % 7)
    b += 1
print(a, b, total)
