# More of @dataclass: a frozen class's __post_init__ storing with object.__setattr__,
# a class's own __init__ and __repr__ kept, KW_ONLY, a plain base class, fields().
from dataclasses import dataclass, field, fields, KW_ONLY


@dataclass(frozen=True)
class Temp:
    c: float
    f: float = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "f", self.c * 9 / 5 + 32)


print(Temp(100), Temp(-40) == Temp(-40.0))


@dataclass
class Scaled:
    x: int

    def __init__(self, x, factor):
        self.x = x * factor


print(Scaled(3, 4))


class Named:
    def __init__(self, label):
        self.label = label


@dataclass
class Widget(Named):
    size: int = 0

    def __post_init__(self):
        super().__init__("w" + str(self.size))


w = Widget(4)
print(w, w.label)


@dataclass
class Request:
    url: str
    _: KW_ONLY
    timeout: int = 30
    retries: int = 3


print(Request("/a", retries=1))
print([(f.name, f.kw_only) for f in fields(Request)])
try:
    Request("/a", 5)
except TypeError as e:
    print(e)


@dataclass
class Pretty:
    items: list

    def __repr__(self):
        return "Pretty(" + str(len(self.items)) + " items)"


@dataclass
class Prettier(Pretty):
    extra: int = 1


print(Pretty([1, 2]), Prettier([3]), Pretty([1]) == Pretty([1]))
