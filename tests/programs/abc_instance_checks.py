from collections.abc import Iterable, Iterator, Sequence, Mapping, MutableMapping, Set, MutableSet, Sized, Hashable, Callable, Container, Collection, Generator, Reversible, MutableSequence, KeysView
from collections import deque, OrderedDict, defaultdict, Counter
import typing
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class Box:
    def __len__(self): return 0
class Unh:
    __hash__ = None
class L(list): pass
def gen(): yield 1
vals = [1, 2.0, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), range(3), iter([1]), gen(), It(), Box(), Unh(), L(), deque(), OrderedDict(), defaultdict(int), Counter(), {}.keys(), {}.values(), len, lambda: 0, map(str, []), None, bytearray()]
for abc in (Iterable, Iterator, Sequence, Mapping, MutableMapping, Set, MutableSet, Sized, Hashable, Callable, Container, Collection, Generator, Reversible, MutableSequence, KeysView, typing.List, typing.Dict, typing.Set, typing.Sequence, typing.Iterable):
    print(abc.__name__ if hasattr(abc, "__name__") else abc, "".join("1" if isinstance(v, abc) else "0" for v in vals))

from typing import Protocol, runtime_checkable
@runtime_checkable
class Closable(Protocol):
    name: str
    def close(self) -> None: ...
class NotRT(Protocol):
    def go(self): ...
class F:
    name = "f"
    def close(self): pass
class G:
    def close(self): pass
class H:
    name = "h"
    close = None
class Impl(NotRT):
    def go(self): return 1
print(isinstance(F(), Closable), isinstance(G(), Closable), isinstance(H(), Closable), isinstance(3, Closable))
print(Impl._is_protocol, Closable._is_protocol, Impl().go())
try:
    isinstance(F(), NotRT)
except TypeError as e:
    print(e)
try:
    runtime_checkable(F)
except TypeError as e:
    print(e)
