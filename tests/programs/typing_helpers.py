"""typing helpers a type-hinted script uses: cast, overload, NewType, final,
runtime_checkable, TypeAlias, and the abstract collection hints."""
from typing import cast, overload, NewType, final, Collection, AbstractSet, Container, TypeAlias, Self, Union, runtime_checkable, Protocol, AnyStr

UserId = NewType("UserId", int)


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


@final
class Config:
    def clone(self) -> "Self":
        return self


@runtime_checkable
class Shape(Protocol):
    def area(self) -> float: ...


Number: TypeAlias = Union[int, float]


def total(xs: Collection[int], seen: AbstractSet[int], box: Container[int]) -> int:
    return sum(cast(int, x) for x in xs if x not in seen)


def concat(a: AnyStr, b: AnyStr) -> AnyStr:
    return a + b


uid = UserId(42)
print(uid, uid + 1, double(4), double("ab"), total([1, 2, 3], {2}, []), concat("a", "b"))
print(type(Config().clone()).__name__)
try:
    @overload
    def only_stub(x: int) -> int: ...
    only_stub(1)
except NotImplementedError as e:
    print("NotImplementedError:", str(e)[:40])
