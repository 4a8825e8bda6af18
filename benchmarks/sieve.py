# Benchmark: sieve of Eratosthenes (list indexing, stores, while loops)
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    checksum = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            checksum = (checksum * 31 + k) % 1000000007
    return count, checksum


total = 0
for rep in range(8):
    c, s = sieve(1000000)
    total += c
print("primes below 1e6:", c, "checksum:", s, "total:", total)
