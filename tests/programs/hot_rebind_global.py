# HOT: a global function name is rebound mid-loop (f = g)
def f(x):
    return x + 1


def g(x):
    return x * 2


def h(x):
    return x - 3


total = 0
for i in range(10000):
    if i == 5000:
        f = g
    total += f(i)
print(total)


def run(n):
    s = 0
    for i in range(n):
        s += f(i)
    return s


print(run(6000))
f = h
print(run(6000))
ops = [g, h]
t = 0
for i in range(9000):
    op = ops[(i // 1000) % 2]
    t += op(i)
print(t)
fn = g
acc = 0
for i in range(8000):
    if i == 2000:
        fn = h
    elif i == 4000:
        fn = f
    elif i == 6000:
        fn = g
    acc += fn(i)
print(acc)
