# Hot loops over deques, Counters and defaultdicts: a queue simulation and a histogram.
from collections import deque, Counter, defaultdict

# A round-robin scheduler: each job needs some ticks, gets 3 per turn.
jobs = deque([(i, 5 + (i * 7) % 11) for i in range(40)])
finished = []
ticks = 0
while jobs:
    job, left = jobs.popleft()
    run = min(3, left)
    ticks += run
    if left > run:
        jobs.append((job, left - run))
    else:
        finished.append((job, ticks))
print(len(finished), finished[:3], finished[-1], ticks)

# Histogram of a pseudo-random sequence.
x = 12345
hist = Counter()
buckets = defaultdict(list)
for i in range(20000):
    x = (x * 1103515245 + 12345) % 2147483648
    v = x % 10
    hist[v] += 1
    if len(buckets[v]) < 3:
        buckets[v].append(i)
print(hist.most_common(3), hist.total())
print(sorted(buckets.items())[:3])

# Recent-values window over a long stream.
window = deque(maxlen=50)
peak = 0
for i in range(10000):
    window.append((i * 37) % 101)
    if i % 7 == 0:
        s = sum(window)
        if s > peak:
            peak = s
print(peak, len(window), window[0], window[-1])

# Breadth-first search over an implicit graph of numbers.
seen = {1: 0}
q = deque([1])
while q:
    n = q.popleft()
    if seen[n] >= 14:
        continue
    for m in (n * 2, n + 3):
        if m < 6000 and m not in seen:
            seen[m] = seen[n] + 1
            q.append(m)
print(len(seen), seen.get(5000), max(seen.values()))
