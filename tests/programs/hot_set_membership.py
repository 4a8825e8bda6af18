# Membership tests and updates on sets in long loops (traced by tier 2).

def collatz_seen(limit):
    seen = set()
    steps = 0
    for start in range(1, limit):
        n = start
        while n != 1 and n not in seen:
            seen.add(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
    return len(seen), steps


print(collatz_seen(3000))

squares = {i * i for i in range(400)}
hits = 0
for k in range(100000):
    if k in squares:
        hits += 1
print("squares below 10**5:", hits)

window = set()
dups = 0
for i in range(60000):
    v = (i * 7919) % 5003
    if v in window:
        dups += 1
        window.discard(v)
    else:
        window.add(v)
print("dups:", dups, "left:", len(window))

pairs = 0
target = 10007
nums = set(range(0, 20000, 3))
for x in range(0, 20000, 3):
    if target - x in nums:
        pairs += 1
print("pairs:", pairs)

total = 0
s = set(range(5000))
for x in s:
    total += x
print(total, min(s), max(s), sum(s) == total)
