# X | Y unions (PEP 604) as values: isinstance/issubclass targets, reprs, members.
import types
from typing import Optional


class Shape:
    pass


class Circle(Shape):
    pass


Number = int | float
MaybeShape = Shape | None


def describe(x: int | str | None) -> str:
    if isinstance(x, Number):
        return f"number {x}"
    if isinstance(x, str | bytes):
        return f"text {x!r}"
    if isinstance(x, MaybeShape):
        return f"shape-ish {type(x).__name__}"
    return "other"


for v in [1, 2.5, True, "s", b"b", None, Circle(), [1]]:
    print(describe(v))
print(Number, MaybeShape, int | None | str, None | int)
print(Number.__args__, MaybeShape.__args__, type(Number) is types.UnionType)
print(int | int, (int | str) == (str | int), (int | str) == (int | float), int | (str | int))
print(issubclass(bool, Number), issubclass(Circle, Shape | int), issubclass(str, Number))
print(describe.__annotations__)
try:
    types.UnionType()
except TypeError as e:
    print("TypeError", e)
try:
    print(1 | str)
except TypeError as e:
    print("TypeError", e)
