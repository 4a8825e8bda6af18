# Sorting and ordering with dataclasses: order=True compares fields as tuples,
# compare=False leaves a field out, frozen instances work as dict keys.
from dataclasses import dataclass, field, FrozenInstanceError
from typing import ClassVar, List, Optional


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False)
    created: ClassVar[int] = 0


tasks = [Task(3, "write"), Task(1, "plan", ["urgent"]), Task(2, "test"), Task(1, "coffee")]
for t in sorted(tasks):
    print(t)
print(min(tasks), max(tasks).name)
print(Task(1, "a") == Task(1, "b"), Task(1, "a") < Task(2, "a"), Task(2, "x") <= Task(2, "y"))
print(sorted(tasks, key=lambda t: t.name)[0].name, Task.created)
print(Task.__hash__ is None)


@dataclass(frozen=True)
class Cell:
    row: int
    col: int

    def neighbours(self):
        return [Cell(self.row + dr, self.col + dc) for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))]


seen = {Cell(0, 0): 0}
frontier = [Cell(0, 0)]
while frontier:
    cur = frontier.pop(0)
    for n in cur.neighbours():
        if n not in seen and abs(n.row) + abs(n.col) <= 3:
            seen[n] = seen[cur] + 1
            frontier.append(n)
print(len(seen), seen[Cell(2, 1)], Cell(1, 1) in seen, Cell(5, 5) in seen)
print(len({Cell(1, 2), Cell(1, 2), Cell(2, 1)}))
try:
    Cell(0, 0).row = 4
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    Cell(0, 0).extra = 4
except AttributeError as e:
    print("AttributeError", e)


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: Optional[str] = None


k = Key(1)
k.b = "x"
print(hash(k) == hash(Key(1, "x")), {Key(1): "found"}.get(Key(1)))


@dataclass(eq=False)
class Handle:
    ident: int


h = Handle(1)
print(h == Handle(1), h == h, {h: 1}[h])


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3), Options(verbose=True, level=1))


@dataclass(repr=False, init=False)
class Raw:
    x: int = 7


r = Raw()
print(r.x, repr(r).startswith("<__main__.Raw object at"))
print(Raw.__annotations__, Task.__annotations__["priority"])
