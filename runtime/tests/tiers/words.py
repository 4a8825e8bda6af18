# Int arithmetic past the 48-bit small ints in hot loops (runtime/src/tier2/words.rs).

# An LCG whose product overflows the small ints on every iteration: the trace keeps
# `x * 1103515245 + 12345` as a machine word and makes a small int of the remainder.
def lcg(n):
    x = 12345
    total = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        total += x >> 20
    return total, x


print(lcg(20000))


# A product of two words that overflows i64 from i = 8 on: the multiply's exit boxes
# both words, and tier 1 makes the big int.
def overflow(n):
    acc = 0
    for i in range(1, n):
        acc += (i * 1099511627776) * (i * 1073741824) % 1000
    return acc


print(overflow(5000))


# A word stored to a local: it becomes a small int while it fits, and leaves the trace
# (boxed into a heap int) once it does not.
def store(n):
    acc = 0
    for i in range(n):
        m = i * 1000000000000 + 7
        acc += m % 1000003
    return acc


print(store(5000))
