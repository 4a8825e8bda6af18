# Hints without `from __future__ import annotations`: function annotations and
# module-level variable annotations are evaluated by CPython (their names must
# exist); local variable annotations never are; `x: int` alone binds nothing.
from typing import Any, Callable, Iterable, Iterator, Sequence, Union
import math

count: int = 0
ratio: float
names: list[str] = ["a", "b"]
table: dict[str, tuple[int, ...]] = {}


def apply(f: Callable[[int], int], xs: Iterable[int]) -> list[int]:
    return [f(x) for x in xs]


def mean(xs: Sequence[float], *, weights: Union[Sequence[float], None] = None) -> float:
    local_only: UndefinedLocalHint = 0
    if weights is None:
        return math.fsum(xs) / len(xs)
    return math.fsum([x * w for x, w in zip(xs, weights)]) / math.fsum(weights)


def walk(n: int, *rest: Any, **options: "ForwardRef") -> Iterator[int]:
    unused: int
    return range(n)


def later() -> "NotYetDefined":
    return 1


def scaled(v: float) -> math.inf:
    return v * 2


print(apply(lambda x: x * x, range(6)))
print(mean([1.0, 2.0, 4.0]), mean([1.0, 2.0, 4.0], weights=[1.0, 1.0, 2.0]))
print(list(walk(3)), later(), scaled(1.5))
table["k"]: tuple = (1, 2)
print(count, names, table)
for i in range(2000):
    count += 1
print(count)
