# Infinite sequences as generators, and pipelines of generator expressions over them.


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def take(n, iterable):
    result = []
    for item in iterable:
        if len(result) == n:
            break
        result.append(item)
    return result


def takewhile(pred, iterable):
    for item in iterable:
        if not pred(item):
            return
        yield item


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


print(take(15, fibonacci()))
print(take(12, primes()))
print(list(takewhile(lambda x: x < 1000, fibonacci())))
print(sum(p for p in takewhile(lambda p: p < 200, primes())))
even_fibs = (f for f in fibonacci() if f % 2 == 0)
print(take(8, even_fibs))
print(list(chunks(list(range(10)), 3)))
print(list(collatz(27))[:10], len(list(collatz(27))))
longest = max(range(1, 1000), key=lambda n: sum(1 for _ in collatz(n)))
print("longest collatz below 1000:", longest)

# A pipeline: every stage is lazy, so only what is needed is computed.
words = "the quick brown fox jumps over the lazy dog again and again".split()
lengths = (len(w) for w in words)
long_ones = (n for n in lengths if n > 3)
squared = (n * n for n in long_ones)
print(list(squared))

# The first iterable is evaluated at once; the rest lazily.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
flat = (x for row in matrix for x in row if x % 2)
matrix.append([11, 13])
print(list(flat))
total = sum(x * y for x, y in zip(range(5), range(5, 10)))
print(total)
gen = (i * i for i in range(4))
print(list(gen), list(gen))
print(", ".join(str(p) for p in take(5, primes())))
