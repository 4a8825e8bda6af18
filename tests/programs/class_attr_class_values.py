# Class attributes read off the class (`Config.SIZE`, `Color.RED`) and through
# instances that lack them (`self.LIMIT`), in hot loops, while the classes change.
from enum import Enum


class Config:
    SIZE = 10
    NAME = "cfg"
    SCALE = 1.5

    class Inner:
        DEPTH = 3

    def helper(x):
        return x * 2


class Color(Enum):
    RED = 1
    GREEN = 2


class Counter:
    LIMIT = 7
    STEP = 2

    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += self.STEP
        if self.n > self.LIMIT:
            self.n -= self.LIMIT
        return self.n


class Wide(Counter):
    STEP = 3


def read_class(n):
    total = 0
    for i in range(n):
        total += Config.SIZE + Config.Inner.DEPTH
        if i == n // 2:
            Config.SIZE = 100  # rebound while the loop runs
    return total


def read_float(n):
    acc = 0.0
    for i in range(n):
        acc += Config.SCALE
        if i == 10:
            Config.SCALE = 0.25
    return acc


def call_through_class(n):
    total = 0
    for i in range(n):
        total += Config.helper(i)
    return total


def enum_loop(n):
    reds = 0
    for i in range(n):
        c = Color.RED if i % 3 else Color.GREEN
        if c is Color.RED:
            reds += 1
    return reds


def instance_misses(n):
    c = Counter()
    w = Wide()
    total = 0
    for i in range(n):
        total += c.bump() + w.bump()
        if i == n // 3:
            Counter.LIMIT = 11  # seen by both, Wide inherits it
        if i == 2 * n // 3:
            c.STEP = 5  # one instance hides the class attribute now
    return total, c.n, w.n, Counter.STEP


def names_on_the_class(n):
    out = []
    for i in range(n):
        out.append(Config.NAME)
        if i == 3:
            Config.NAME = "changed"
    return out


print(read_class(1000))
print(read_float(100))
print(call_through_class(300))
print(enum_loop(300))
print(instance_misses(900))
print(names_on_the_class(6))
print(Config.Inner.DEPTH, Config.SIZE, Counter.LIMIT, Wide.STEP)
try:
    for i in range(100):
        Config.SIZE
        if i == 50:
            Config.MISSING
except AttributeError as e:
    print("AttributeError:", e)
