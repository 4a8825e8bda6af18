# HOT: for/else with break and continue inside hot loops
primes = []
for n in range(2, 12000):
    if n > 2 and n % 2 == 0:
        continue
    for d in primes:
        if d * d > n:
            primes.append(n)
            break
        if n % d == 0:
            break
    else:
        primes.append(n)
print(len(primes), primes[-3:], sum(primes))
found = 0
for a in range(1, 3000):
    for b in range(a, a + 5):
        if (a * b) % 97 == 0:
            found += 1
            break
    else:
        continue
    found += 1000
print(found)
