"""
Union-find, binary search tree and a linked list, with doctests.

>>> uf = UnionFind(5)
>>> uf.union(0, 1); uf.union(3, 4)
>>> uf.connected(0, 1), uf.connected(1, 2)
(True, False)
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, Tuple, TypeVar, Union

T = TypeVar("T")


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.rank = [0] * n

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1

    def connected(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)


class Node(Generic[T]):
    __slots__ = ("value", "left", "right")

    def __init__(self, value: T) -> None:
        self.value = value
        self.left: Optional[Node[T]] = None
        self.right: Optional[Node[T]] = None


class BST(Generic[T]):
    """
    >>> t = BST.from_iterable([5, 3, 8, 1, 4])
    >>> list(t)
    [1, 3, 4, 5, 8]
    >>> 4 in t, 7 in t
    (True, False)
    >>> len(t)
    5
    """

    def __init__(self) -> None:
        self.root: Optional[Node[T]] = None
        self._size = 0

    @classmethod
    def from_iterable(cls, items) -> "BST[T]":
        t = cls()
        for x in items:
            t.insert(x)
        return t

    def insert(self, value: T) -> None:
        if self.root is None:
            self.root = Node(value)
        else:
            node = self.root
            while True:
                if value < node.value:
                    if node.left is None:
                        node.left = Node(value)
                        break
                    node = node.left
                else:
                    if node.right is None:
                        node.right = Node(value)
                        break
                    node = node.right
        self._size += 1

    def __iter__(self) -> Iterator[T]:
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.value
                yield from walk(n.right)
        return walk(self.root)

    def __contains__(self, v) -> bool:
        n = self.root
        while n:
            if v == n.value:
                return True
            n = n.left if v < n.value else n.right
        return False

    def __len__(self) -> int:
        return self._size

    def height(self) -> int:
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)


def memo_fib(n: int, cache: Dict[int, int] = {}) -> int:
    """
    >>> memo_fib(80)
    23416728348467685
    """
    if n < 2:
        return n
    if n not in cache:
        cache[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return cache[n]


def apply_all(fs: List[Callable[[int], int]], x: int) -> List[int]:
    return [f(x) for f in fs]


if __name__ == "__main__":
    import doctest
    doctest.testmod()
    t = BST.from_iterable([50, 30, 70, 20, 40, 60, 80, 35])
    print(list(t), t.height(), len(t))
    width = 8
    print(f"{'value':>{width}}|{t.height()=}|{memo_fib(30)=:,}")
    print("{name:^10}|{n:08.3f}".format_map({"name": "pi", "n": 3.14159}))
    print(apply_all([abs, lambda v: v * 2, int.bit_length], -37))
    pairs: List[Tuple[int, str]] = list(zip(range(3), "abc", strict=True))
    print(pairs, dict(pairs) | {9: "z"}, (255).bit_count())
    d: Dict[str, Union[int, str]] = {}
    if (n := len(pairs)) > 2:
        d["n"] = n
    print(d, float("inf") > 10**300, -float("inf"), float("nan") != float("nan"))
    try:
        list(zip([1], [1, 2], strict=True))
    except ValueError as e:
        print("ValueError:", e)
