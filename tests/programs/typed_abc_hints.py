# Hints from collections.abc, as modern type-hinted scripts write them.
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
import collections.abc


def apply_all(funcs: Sequence[Callable[[int], int]], value: int) -> list[int]:
    return [f(value) for f in funcs]


def total(values: Iterable[float]) -> float:
    result = 0.0
    for v in values:
        result += v
    return result


def invert(table: Mapping[str, int]) -> dict[int, str]:
    return {v: k for k, v in table.items()}


def describe(xs: collections.abc.Sized) -> str:
    return f"{len(xs)} items"


print(apply_all([abs, lambda x: x * x, lambda x: -x], -4))
print(total([1.5, 2.25, 3]), invert({"a": 1, "b": 2}), describe([1, 2, 3]))
print(collections.abc.Iterable.__name__ if False else "abc imported")
