# Stubs and placeholders written with `...`, as type-hinted code does: abstract
# methods, protocol-like bases, sentinel defaults, and Ellipsis as a value.
from typing import Optional


class Shape:
    def area(self) -> float: ...

    def name(self) -> str:
        return type(self).__name__


class Square(Shape):
    def __init__(self, side: float) -> None:
        self.side = side

    def area(self) -> float:
        return self.side * self.side


class Blob(Shape):
    pass


def todo(x: int) -> Optional[int]:
    ...


def pick(value=...):
    # Ellipsis as a "not given" sentinel, distinct from None.
    if value is ...:
        return "default"
    return f"given {value!r}"


shapes = [Square(3), Blob(), Square(1.5)]
for s in shapes:
    print(s.name(), s.area())
print(todo(3), pick(), pick(None), pick(0))
marker = ...
print(marker, repr(marker), type(marker).__name__, marker is Ellipsis, bool(marker))
table = {..., 1}
print(len(table), ... in table, [x for x in (1, ..., 2) if x is not ...])
total = 0
for i in range(2000):
    if pick(i if i % 3 else ...) == "default":
        total += 1
print(total)
