# A hint naming something undefined fails when the def runs (CPython evaluates
# function annotations at definition time without the future import).
from typing import List


def ok(xs: List[int]) -> int:
    return len(xs)


print(ok([1, 2, 3]))


def broken(node: Node) -> int:
    return 0


print("not reached")
