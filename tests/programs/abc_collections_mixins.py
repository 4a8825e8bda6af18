# Classes deriving from collections.abc's ABCs: the abstract methods they must
# define, the mixin methods they get, CPython's MRO, and instance checks.
from collections.abc import Iterator, Mapping, MutableMapping, MutableSet, Sequence, Set, Sized
import typing


class Frozen(Mapping):
    def __init__(self, **items):
        self._items = dict(items)

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self):
        return iter(sorted(self._items))

    def __len__(self):
        return len(self._items)


class Registry(MutableMapping):
    def __init__(self):
        self._store = {}
        self.writes = 0

    def __getitem__(self, key):
        return self._store[key.upper()]

    def __setitem__(self, key, value):
        self.writes += 1
        self._store[key.upper()] = value

    def __delitem__(self, key):
        del self._store[key.upper()]

    def __iter__(self):
        return iter(self._store)

    def __len__(self):
        return len(self._store)


class Bag(MutableSet):
    def __init__(self, items=()):
        self._items = []
        for x in items:
            self.add(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)

    def __repr__(self):
        return "Bag(%r)" % sorted(self._items)


class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * i


class Countdown(Iterator):
    def __init__(self, start):
        self.current = start

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Typed(typing.Mapping[str, int]):
    def __getitem__(self, key):
        return len(key)

    def __iter__(self):
        return iter(["a", "bb"])

    def __len__(self):
        return 2


f = Frozen(b=2, a=1, c=3)
print(list(f), list(f.keys()), list(f.values()), list(f.items()), len(f))
print(f.get("a"), f.get("z", 0), "b" in f, "z" in f, f == {"a": 1, "b": 2, "c": 3}, f != {"a": 1})
print(isinstance(f, Mapping), isinstance(f, MutableMapping), isinstance(f, Sized), isinstance({}, Mapping))
print([c.__name__ for c in Frozen.__mro__])
print(Frozen.__mro__[1], Registry.__mro__[1:3])

r = Registry()
r["alpha"] = 1
r.update({"beta": 2})
r.update([("gamma", 3)])
r.setdefault("delta", 4)
r.setdefault("alpha", 99)
print(sorted(r.items()), r.writes, r.pop("beta"), r.pop("nope", "default"), len(r))
print(r.popitem(), sorted(r), "GAMMA" in r, "gamma" in r)
r.clear()
print(len(r), isinstance(r, MutableMapping), dict(Registry()))

b = Bag([3, 1, 2, 3])
b |= {5}
b -= [1]
print(b, len(b), 2 in b, b <= {2, 3, 5, 7}, b == {2, 3, 5}, b & {3, 5, 9}, b | Bag([8]))
print(sorted(b ^ {5, 6}), b.isdisjoint([10, 11]), sorted(b - {2}))
b.remove(3)
try:
    b.remove(42)
except KeyError as e:
    print("KeyError", e)
print(b.pop() in (2, 5), len(b), isinstance(b, Set), isinstance(b, MutableSet))

s = Squares(6)
print(list(s), s[2], s[-1], 16 in s, 17 in s, s.index(9), s.count(4), list(reversed(s)))
try:
    s.index(7)
except ValueError as e:
    print("ValueError", repr(e))
print(list(Countdown(4)), sum(Countdown(10)), isinstance(Countdown(1), Iterator), iter(Countdown(0)).current)
t = Typed()
print(dict(t), t.get("xyz"), Typed.__mro__[1].__name__)

class Incomplete(MutableMapping):
    def __getitem__(self, key):
        return key


try:
    Incomplete()
except TypeError as e:
    print(e)
