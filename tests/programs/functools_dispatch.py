# functools beyond partial and lru_cache: single dispatch on the first argument's
# type, cached properties, partial methods, and what wraps copies.
from functools import singledispatch, singledispatchmethod, cached_property, partialmethod, wraps, update_wrapper
from collections.abc import Sequence


@singledispatch
def describe(x):
    return f"something: {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register
def _(x: float | complex):
    return f"number {x}"


@describe.register(list)
@describe.register(tuple)
def _(x):
    return f"{type(x).__name__} of {len(x)}: " + ", ".join(describe(i) for i in x)


@describe.register(dict)
def _describe_dict(d):
    return "{" + "; ".join(f"{k}={describe(v)}" for k, v in d.items()) + "}"


class Money(float):
    pass


for v in [1, True, 2.5, 1j, "s", [1, "a"], (2.0,), {"k": [3]}, Money(4.25), None]:
    print(describe(v))
print(describe.dispatch(bool).__name__, describe.dispatch(str).__name__, describe.dispatch(dict).__name__)
print(sorted(t.__name__ for t in describe.registry))
print(describe.__name__, describe.__wrapped__.__name__)
try:
    describe()
except TypeError as e:
    print(e)
try:
    describe.register(3)
except TypeError as e:
    print(e)


class Formatter:
    def __init__(self, width):
        self.width = width

    @singledispatchmethod
    def fmt(self, arg):
        return str(arg).ljust(self.width, ".")

    @fmt.register
    def _(self, arg: int):
        return str(arg).rjust(self.width, "0")

    @fmt.register
    def _(self, arg: list):
        return "|".join(self.fmt(a) for a in arg)


f = Formatter(5)
print(f.fmt("ab"), f.fmt(42), f.fmt([1, "x", 22]))


class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0

    @cached_property
    def stats(self):
        self.computed += 1
        n = len(self.values)
        mean = sum(self.values) / n
        return n, mean, max(self.values)


d = Dataset([3, 1, 4, 1, 5, 9, 2, 6])
print(d.stats, d.stats, d.computed)
del d.stats
print(d.stats, d.computed, type(Dataset.stats).__name__)


class Light:
    def __init__(self):
        self.state = "off"

    def set_state(self, state, brightness=100):
        self.state = f"{state}@{brightness}"
        return self

    turn_on = partialmethod(set_state, "on")
    dim = partialmethod(set_state, "on", brightness=30)


print(Light().turn_on().state, Light().dim().state, Light().turn_on(brightness=70).state)


def trace(fn):
    @wraps(fn)
    def inner(*args, **kwargs):
        inner.calls += 1
        return fn(*args, **kwargs)

    inner.calls = 0
    return inner


@trace
def area(w: float, h: float = 1.0) -> float:
    """Area of a rectangle."""
    return w * h


area.tag = "geometry"
print(area(3, 4), area(2), area.calls, area.__name__, area.__doc__)
print(area.__annotations__, area.__wrapped__.__name__)


def plain(a, b):
    return a - b


def wrapper(*args):
    return plain(*args) * 10


plain.extra = [1]
update_wrapper(wrapper, plain)
print(wrapper(5, 3), wrapper.__name__, wrapper.extra, wrapper.__wrapped__ == plain)


def annotated(x: int, *rest: str, key: "Sequence[int]" = (), **opts: bool) -> list:
    return [x]


print(annotated.__annotations__)
print(plain.__annotations__, (lambda q: q).__annotations__)
plain.__annotations__ = {"a": int}
print(plain.__annotations__)
try:
    plain.__annotations__ = 5
except TypeError as e:
    print(e)
