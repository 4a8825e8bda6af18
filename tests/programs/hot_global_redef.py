# HOT: functions/globals redefined through a `global` statement inside a function mid-loop
def step(x):
    return x + 1


def step_fast(x):
    return x + 2


def step_slow(x):
    return x - 1


def switch_to_fast():
    global step
    step = step_fast


def switch_to_slow():
    global step
    step = step_slow


def run():
    total = 0
    for i in range(12000):
        if i == 6000:
            switch_to_fast()
        if i == 9000:
            switch_to_slow()
        total += step(i)
    return total


print(run())
limit = 100


def tighten():
    global limit
    limit = 10


count = 0
for i in range(10000):
    if i == 4000:
        tighten()
    if i % 1000 < limit:
        count += 1
print(count, limit)
calls = 0


def tick():
    global calls
    calls += 1
    return calls


s = 0
for i in range(15000):
    s += tick() % 7
print(s, calls)


def scale(v):
    return v * 10


def redefine_scale():
    global scale
    scale = step_slow


out = 0
for i in range(5000):
    if i == 2500:
        redefine_scale()
    out += scale(i)
print(out)
