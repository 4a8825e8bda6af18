# for loops with else, break, continue
for i in range(3):
    print("loop", i)
else:
    print("else runs after normal completion")
for i in range(10):
    if i == 4:
        print("break at", i)
        break
else:
    print("not printed")
for x in []:
    print("never")
else:
    print("else on empty iterable")
primes = []
for n in range(2, 60):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
evens = []
for i in range(20):
    if i % 2:
        continue
    evens.append(i)
print(evens)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    else:
        continue
    break
print("found", found)


def search(items, target):
    for idx, item in enumerate(items):
        if item == target:
            return idx
    else:
        return -1


print(search("hello", "l"), search("hello", "z"), search([], 1))
result = []
for ch in "a1b2c3":
    if ch in "0123456789":
        continue
    result.append(ch)
else:
    result.append("!")
print(result)
for i in range(5):
    pass
print("i after loop:", i)
total = 0
for i in range(100):
    if i > 50:
        break
    if i % 7 != 0:
        continue
    total += i
else:
    total = -1
print(total)
for k in {"x": 1, "y": 2}:
    if k == "z":
        break
else:
    print("no z key")
