# Globals, nested functions, defaults, keyword arguments; ends with UnboundLocalError
counter = 0


def g():
    global counter
    counter = 5


g()
print(counter)


def outer():
    def inner(a, b=2):
        return a * b
    return inner(3), inner(3, 4), inner(b=5, a=1)


print(outer())
fs = []
for i in range(3):
    def k(v=i):
        return v
    fs.append(k)
print([h() for h in fs])


def acc(v, into=[]):
    into.append(v)
    return into


print(acc(1), acc(2))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(30))


def kw(a, b=1, c=2):
    return (a, b, c)


print(kw(1, c=5), kw(a=0), kw(1, 2, 3))
x = 0
for x in range(3):
    pass
print(x)


def f(c):
    if c:
        y = 1
    return y


print(f(1))
print(f(0))
