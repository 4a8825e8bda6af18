from typing import Generic, TypeVar
T = TypeVar("T")
K = TypeVar("K")
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, x): self.items.append(x)
class IntStack(Stack[int]):
    pass
class Node: pass
class Pair(Stack[T], Generic[T]): pass
class Pair2(Stack[K]): pass
print(Stack[int], Stack[Node], Stack[None], Pair[str], Pair2[float])
s = IntStack(); s.push(3); print(s.items)
print(Stack[int] == Stack[int], Stack[int] == Stack[str])
print(Stack[int].__origin__ is Stack, Stack[int].__args__)
class Reg:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}<{item}>"
print(Reg[3])
class Reg2:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Reg2["x"])
for bad in (lambda: Node[int], lambda: IntStack[int]):
    try:
        bad()
    except TypeError as e:
        print(e)
class L(list): pass
class S(str): pass
print(L[int], L[int]([1, 2]))
try:
    S[int]
except TypeError as e:
    print(e)


class Point:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1
        self.y = 2


p = Point()
print(hasattr(p, "__dict__"))
try:
    vars(p)
except TypeError as e:
    print(e)
try:
    p.__dict__
except AttributeError as e:
    print(e)
