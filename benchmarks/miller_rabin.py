# Probable-prime search with Miller-Rabin: counts primes in several ranges,
# small (fit a machine word) and big (hundreds of bits), with fixed witnesses.

def is_probable_prime(n, witnesses):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in witnesses:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


WITNESSES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)


def count_primes(start, count):
    found = 0
    checksum = 0
    n = start
    for _ in range(count):
        if is_probable_prime(n, WITNESSES):
            found += 1
            checksum = (checksum * 31 + n) % 1000000007
        n += 2
    return found, checksum


for start, count in ((10**6 + 1, 120000), (2**61 + 1, 40000), (10**40 + 1, 3000), (2**255 + 1, 1500)):
    print(start.bit_length(), count_primes(start, count))
