# Hot loops that call closures, lambdas, decorated functions and key functions,
# and that iterate over map and filter: the traces follow calls they can see into
# and end before those they cannot; callbacks that rebind globals (to other types
# too) must be seen by the loops around them.


def make_poly(a, b, c):
    return lambda x: (a * x + b) * x + c


polys = [make_poly(i, i + 1, i + 2) for i in range(4)]
total = 0
for i in range(8000):
    total += polys[i % 4](i % 100)
print(total)


def run_counter():
    hits = 0

    def hit(v):
        nonlocal hits
        hits += v & 1
        return hits

    acc = 0
    for i in range(10000):
        acc += hit(i)
    return acc, hits


print(run_counter())


def memo(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    return wrapper


@memo
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


best = 0
for n in range(1, 8000):
    if collatz_len(n) > collatz_len(best if best else 1):
        best = n
print(best, collatz_len(best))


def forward(*args, **kwargs):
    return sum(args) + len(kwargs)


s = 0
for i in range(8000):
    s += forward(i, i, k=1) + forward(*(i, 1))
print(s)

# Key functions and map/filter inside hot loops.
values = [(i * 7919) % 1009 for i in range(300)]
picked = 0
for r in range(150):
    picked += max(values, key=lambda v: (v * r) % 1013)
    picked += sorted(values[:20], key=lambda v: -v)[r % 20]
print(picked)

squares = 0
for x in map(lambda v: v * v, range(10000)):
    squares += x
odd = 0
for x in filter(lambda v: v % 3 == 1, range(10000)):
    odd += x
print(squares, odd)

pairs = 0
for a, b in map(lambda v: (v, v % 7), range(8000)):
    pairs += a * b
print(pairs)

# Callbacks that rebind a global the loop reads: an int that grows into a big
# int, then a global that flips between an int and a str.
h = 0


def mix(v):
    global h
    h = h * 1000003 + v
    return v


acc = 0
for x in map(mix, range(6000)):
    acc += x + h % 7
print(acc, h % 1000000007)

flag = 1


def flip(v):
    global flag
    flag = "odd" if v % 2 else 1
    return True


count = 0
for i in range(10000):
    for y in filter(flip, [i]):
        count += y
    if flag == 1:
        count += flag
    else:
        count += len(flag)
print(count, flag)

total = 0
for i in range(10000):
    if i in map(lambda q: q * 3, range(4)):
        total += 1
    a, b = map(mix, (i, 1))
    total += a - b
print(total)
