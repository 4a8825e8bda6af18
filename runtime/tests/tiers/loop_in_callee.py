# A function with a short inner loop, called from another function's hot loop
# (pancake flips over permutations): the inner loop's executor returns into the
# caller's trace instead of leaving for tier 1 at every return.


def flips(perm):
    p = perm[:]
    count = 0
    k = p[0]
    while k:
        i, j = 0, k
        while i < j:
            p[i], p[j] = p[j], p[i]
            i += 1
            j -= 1
        count += 1
        k = p[0]
    return count


def all_flips(n):
    perm = list(range(n))
    counters = [0] * n
    total = flips(perm)
    i = 1
    while i < n:
        if counters[i] < i:
            j = counters[i] if i % 2 else 0
            perm[j], perm[i] = perm[i], perm[j]
            total += flips(perm)
            counters[i] += 1
            i = 1
        else:
            counters[i] = 0
            i += 1
    return total


print(all_flips(7))
