# bisect and heapq as algorithm programs use them: sorted insertion, range counts,
# a k-way merge, top-k with a bounded heap, heap sort, and event scheduling; the
# lists end in CPython's exact orders.
import bisect
import heapq
from bisect import bisect_left, bisect_right, insort

seq = []
state = 12345
for _ in range(3000):
    state = (state * 1103515245 + 12345) % 2147483648
    insort(seq, state % 1000)
print(len(seq), seq[:10], seq[-5:])
print(bisect_right(seq, 500) - bisect_left(seq, 500), bisect_left(seq, -1), bisect_right(seq, 10 ** 6))
print(bisect.bisect(seq, 250, 100, 200), bisect.bisect_left(seq, 250, lo=1000), bisect.bisect_right(seq, 3, hi=50))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
pairs = [(1, "a"), (3, "b"), (5, "c")]
print(bisect.bisect_left(pairs, 3, key=lambda p: p[0]), bisect.bisect_right(pairs, 3, key=lambda p: p[0]))
words = ["apple", "fig", "banana"]
words.sort(key=len)
bisect.insort(words, "kiwi", key=len)
bisect.insort_left(words, "pear", key=len)
print(words)

heap = []
for i in range(2000):
    state = (state * 1103515245 + 12345) % 2147483648
    heapq.heappush(heap, (state % 97, i))
print(heap[:8])
out = [heapq.heappop(heap) for _ in range(10)]
print(out, len(heap))
data = [(x * 37) % 101 for x in range(50)]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 500), heapq.heappushpop(data, -1), heapq.heappushpop(data, 1000), data[:6])
top = []
for x in range(5000):
    v = (x * 7919) % 10007
    if len(top) < 5:
        heapq.heappush(top, v)
    elif v > top[0]:
        heapq.heapreplace(top, v)
print(sorted(top))
print([heapq.heappop(data) for _ in range(len(data))][:15])
events = [(3.5, "c"), (1.25, "a"), (2.0, "b"), (1.25, "a2")]
heapq.heapify(events)
while events:
    t, name = heapq.heappop(events)
    print(t, name)
