# copy.copy and copy.deepcopy of the program's own objects: plain classes, linked
# nodes with cycles, __copy__/__deepcopy__ hooks sharing the memo, dataclasses.
import copy
from dataclasses import dataclass, field
from typing import Generic, List, Optional, TypeVar

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)


s = Stack()
s.push(1)
s.push([2, 3])
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
s.items[1].append(4)
print(s2.items, s3.items, id(s2.items) == id(s.items), type(s3).__name__)


class Node:
    def __init__(self, v):
        self.v = v
        self.next: Optional["Node"] = None


a = Node(1)
b = Node(2)
a.next = b
b.next = a
c = copy.deepcopy(a)
print(c.v, c.next.v, id(c.next.next) == id(c), id(c) != id(a))


class Counted:
    copies = 0

    def __init__(self, data):
        self.data = data

    def __copy__(self):
        Counted.copies += 1
        return Counted(self.data)

    def __deepcopy__(self, memo):
        Counted.copies += 10
        return Counted(copy.deepcopy(self.data, memo))


x = Counted([1, [2]])
y = copy.copy(x)
z = copy.deepcopy(x)
print(id(y.data) == id(x.data), z.data == x.data, id(z.data) == id(x.data), Counted.copies)
shared = [1]
pair = copy.deepcopy([Counted(shared), shared])
print(id(pair[0].data) == id(pair[1]))


@dataclass
class Cfg:
    name: str
    opts: dict = field(default_factory=dict)


c1 = Cfg("a", {"k": [1]})
c2 = copy.deepcopy(c1)
c2.opts["k"].append(2)
print(c1, c2, copy.copy(c1) == c1)


def pick(x: int | None = None, y: "list[int] | None" = None) -> Optional[int]:
    return x


print(pick(3))
