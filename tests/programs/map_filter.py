# map and filter: lazy iterators that run Python functions as items are taken,
# single pass, several iterables, filter(None, ...), chained pipelines, and what
# consumes them (for, list, sum, join, in, unpacking, zip, enumerate, sorted).

log = []


def noisy_square(x):
    log.append(x)
    return x * x


m = map(noisy_square, [1, 2, 3, 4])
print(log)
for v in m:
    print("got", v, "after", log)
    if v == 4:
        break
print(list(m), log)
print(list(m))

print(list(map(lambda a, b: f"{a}{b}", "abc", range(10))))
print(list(map(pow, [2, 3, 4], [5, 2])), list(map(str.upper, ["x", "y"])))
print(list(filter(None, [0, 1, "", "a", [], [0], None, 0.0, 2.5])))
print(list(filter(lambda w: w.startswith("b"), ["apple", "banana", "blueberry", "cherry"])))


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


primes = filter(is_prime, range(100))
print(sum(primes), sum(primes))
print(", ".join(map(str, filter(is_prime, range(30)))))

# A pipeline of lazy stages.
numbers = range(1, 21)
evens = filter(lambda n: n % 2 == 0, numbers)
squares = map(lambda n: n * n, evens)
big = filter(lambda n: n > 50, squares)
print(list(enumerate(big, start=1)))

# Consumers.
print(sorted(map(lambda s: s[::-1], ["abc", "xy", "q"])), max(map(len, ["a", "bbb", "cc"])))
first, second = map(int, "12 34".split())
print(first + second)
print(7 in map(lambda x: x + 1, range(10)), 70 in map(lambda x: x + 1, range(10)))
print(list(zip(map(abs, [-1, -2, -3]), filter(None, "a1"))))
print(dict(map(lambda kv: (kv[1], kv[0]), {"a": 1, "b": 2}.items())))
print(tuple(map(lambda x: x, ())), list(filter(lambda x: True, [])), any(map(is_prime, [4, 6, 7])))
print(all(filter(None, [1, 2, 0])), isinstance(map(len, []), map), type(filter(None, [])))


# Words counted through map and filter, as a small text report.
text = "the quick brown fox jumps over the lazy dog the end"
lengths = {}
for word, n in map(lambda w: (w, len(w)), filter(lambda w: w != "the", text.split())):
    lengths[word] = n
print(lengths)
print(sorted(lengths, key=lambda w: (-lengths[w], w))[:4])
