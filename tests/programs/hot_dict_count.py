# HOT: dict updates in loops (int and str keys, get, +=, del, membership)
counts = {}
for i in range(20000):
    k = (i * i) % 101
    counts[k] = counts.get(k, 0) + 1
print(len(counts), counts[0], counts[1], max(counts.values()))
words = "alpha beta gamma delta epsilon zeta eta theta".split()
freq = {}
for i in range(15000):
    w = words[(i * 7) % len(words)]
    if w in freq:
        freq[w] += 1
    else:
        freq[w] = 1
print(freq)
cache = {}
hits = 0
for i in range(10000):
    key = i % 250
    if key in cache:
        hits += 1
        cache[key] += 1
    else:
        cache[key] = 0
    if i % 1000 == 999:
        del cache[key]
print(hits, len(cache), sum(cache.values()))
pairs = {}
for i in range(8000):
    t = (i % 10, i % 7)
    pairs[t] = pairs.get(t, 0) + i
print(len(pairs), pairs[(0, 0)], pairs[(9, 6)])
