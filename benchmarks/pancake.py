# Pancake flipping over every permutation of n items: for each permutation,
# reverse the prefix named by the first item until it is 0, counting flips.
# Permutations come from Heap's algorithm driven by an explicit counter array.


def flips_of(perm):
    p = perm[:]
    flips = 0
    k = p[0]
    while k:
        i, j = 0, k
        while i < j:
            p[i], p[j] = p[j], p[i]
            i += 1
            j -= 1
        flips += 1
        k = p[0]
    return flips


def pancakes(n):
    perm = list(range(n))
    counters = [0] * n
    most = 0
    checksum = 0
    sign = 1
    seen = 1
    f = flips_of(perm)
    most = f
    checksum += f
    i = 1
    while i < n:
        if counters[i] < i:
            if i % 2 == 0:
                perm[0], perm[i] = perm[i], perm[0]
            else:
                c = counters[i]
                perm[c], perm[i] = perm[i], perm[c]
            sign = -sign
            seen += 1
            f = flips_of(perm)
            if f > most:
                most = f
            checksum += sign * f
            counters[i] += 1
            i = 1
        else:
            counters[i] = 0
            i += 1
    return seen, most, checksum


for n in (8, 9, 9):
    print(n, pancakes(n))
