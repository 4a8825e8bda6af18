# Benchmark: generators: n-queens solutions counted through recursive generators
# with `yield from`, a lazy pipeline of generator expressions over a generator of
# primes, and a send()-driven running checksum.


def queens(n, row, cols, diag1, diag2):
    if row == n:
        yield 1
        return
    for col in range(n):
        d1 = row + col
        d2 = row - col + n
        if cols[col] or diag1[d1] or diag2[d2]:
            continue
        cols[col] = diag1[d1] = diag2[d2] = True
        yield from queens(n, row + 1, cols, diag1, diag2)
        cols[col] = diag1[d1] = diag2[d2] = False


def count_queens(n):
    return sum(queens(n, 0, [False] * n, [False] * (2 * n), [False] * (2 * n + 1)))


def primes(limit):
    found = []
    n = 2
    while n < limit:
        is_prime = True
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                is_prime = False
                break
        if is_prime:
            found.append(n)
            yield n
        n += 1


def pairwise(iterable):
    it = iter(iterable)
    prev = next(it)
    for item in it:
        yield prev, item
        prev = item


def checksum():
    total = 0
    while True:
        value = yield total
        total = (total * 31 + value) % 1000000007


for n in range(4, 11):
    print(n, count_queens(n))

gaps = (b - a for a, b in pairwise(primes(150000)))
squares = (g * g for g in gaps)
print(sum(squares))
twin = sum(1 for p in primes(150000) if p % 6 == 5)
print(twin)

c = checksum()
next(c)
last = 0
for p in primes(40000):
    last = c.send(p)
for i in range(500000):
    last = c.send(i)
print(last)
