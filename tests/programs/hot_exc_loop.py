# Hot loops with try inside: the protected code is traced, exceptions caught inside
# the loop come back to it, and the handler's own work is counted.


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0


def parse_all(tokens):
    total = 0
    bad = 0
    for t in tokens:
        try:
            total += int(t)
        except ValueError:
            bad += 1
    return total, bad


acc = 0
for i in range(20000):
    acc += safe_div(i, i % 5)
print(acc)
tokens = [str(i) if i % 11 else "x" + str(i) for i in range(5000)]
print(parse_all(tokens))
d = {}
misses = 0
for i in range(10000):
    k = i % 97
    try:
        d[k] += 1
    except KeyError:
        d[k] = 1
        misses += 1
print(misses, d[3], sum(d.values()))
items = list(range(50))
hits = 0
for i in range(30000):
    try:
        hits += items[i % 60]
    except IndexError:
        hits -= 1
    finally:
        hits += 1
print(hits)
