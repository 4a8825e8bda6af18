# An error inside a callee the trace followed names the callee's line, and the
# caller's line calling it
def lookup(d, k):
    y = k + 1
    return d[k] + y


def outer(d, k):
    z = k * 2
    return lookup(d, k) + z


d = {1: 1}
total = 0
for k in [1] * 5000 + [2]:
    total += outer(d, k)
print("not reached", total)
