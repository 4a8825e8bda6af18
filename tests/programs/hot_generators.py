# Hot loops over generators and generator expressions: traces advance the generator
# from below on every iteration.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2147483648
        yield x


total = 0
for v in count_up(20000):
    total += v
print(total)

acc = 0
for s in squares(count_up(10000)):
    if s % 3 == 0:
        acc += s
    else:
        acc -= 1
print(acc)

print(sum(x % 7 for x in range(30000)))
print(max(v % 1000 for v in squares(range(8000))))

gen = lcg(42)
buckets = [0] * 8
for _ in range(12000):
    buckets[next(gen) % 8] += 1
print(buckets)

pairs = 0
for i, (a, b) in enumerate(zip(count_up(6000), squares(range(6000)))):
    if (a + b + i) % 5 == 0:
        pairs += 1
print(pairs)

words = ["w%d" % (i % 97) for i in range(7000)]
lengths = {}
for w in (w for w in words if w.endswith("3")):
    lengths[w] = lengths.get(w, 0) + 1
print(sorted(lengths.items()))


def running_sum():
    total = 0
    while True:
        value = yield total
        total += value


rs = running_sum()
next(rs)
last = 0
for i in range(9000):
    last = rs.send(i % 11)
print(last)
print(any(x > 9998 for x in count_up(10000)), all(x < 10000 for x in count_up(10000)))
