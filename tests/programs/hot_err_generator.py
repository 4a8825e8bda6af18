# A generator feeding a hot loop raises after thousands of items: the traceback runs
# through the loop's line and the generator's.


def readings(n):
    level = 100
    for i in range(n):
        level += (i * 7) % 13 - 6
        if level < 0:
            raise ValueError("sensor %d went negative: %d" % (i, level))
        yield level


def smooth(values, width):
    window = []
    for v in values:
        window.append(v)
        if len(window) > width:
            window.pop(0)
        yield sum(window) / len(window)


peak = 0.0
count = 0
for avg in smooth(readings(6000), 5):
    count += 1
    if avg > peak:
        peak = avg
print(count, round(peak, 3))


def drain(n):
    for i in range(n):
        if i == 7321:
            raise KeyError("item %d missing" % i)
        yield i


total = 0
for v in drain(10000):
    total += v % 17
print(total)
