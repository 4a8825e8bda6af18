# A global a hot loop calls is rebound by paths other than a `global` statement:
# through globals(), setattr on the module, vars(module).update() and the module's
# __dict__. Traces that assumed the old function must notice every one.
import sys


def inc(x):
    return x + 1


def big(x):
    return x + 100


def dbl(x):
    return x * 2


def run():
    total = 0
    for i in range(3000):
        total += inc(i)
        if i == 600:
            globals()["inc"] = big
        elif i == 1200:
            setattr(sys.modules[__name__], "inc", dbl)
        elif i == 1800:
            vars(sys.modules[__name__]).update({"inc": big})
        elif i == 2400:
            sys.modules[__name__].__dict__["inc"] = dbl
    return total


LIMIT = 10


def capped():
    n = 0
    for i in range(2000):
        if i > LIMIT:
            n += 1
        if i == 1000:
            globals().pop("LIMIT")
            globals()["LIMIT"] = 1500
    return n


print(run())
print(capped())
print(inc(5))
