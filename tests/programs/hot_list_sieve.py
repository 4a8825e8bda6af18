# HOT: list-heavy loops (sieve, prefix sums, append/pop, index writes)
n = 60000
sieve = [True] * (n + 1)
sieve[0] = False
sieve[1] = False
i = 2
while i * i <= n:
    if sieve[i]:
        j = i * i
        while j <= n:
            sieve[j] = False
            j += i
    i += 1
count = 0
last = 0
for k in range(n + 1):
    if sieve[k]:
        count += 1
        last = k
print(count, last)
prefix = [0]
for v in range(10000):
    prefix.append(prefix[-1] + v % 17)
print(prefix[-1], prefix[5000] - prefix[4000])
stack = []
popped = 0
for v in range(20000):
    if v % 3 == 2:
        popped += stack.pop()
    else:
        stack.append(v)
print(len(stack), popped, stack[-3:])
arr = [0] * 100
for v in range(20000):
    arr[v % 100] += v
    arr[(v * 7) % 100] -= 1
print(sum(arr), arr[:4], max(arr), min(arr))
