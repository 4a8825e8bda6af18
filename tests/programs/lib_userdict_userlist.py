# collections.UserDict and UserList: wrappers whose subclasses override a few methods
# and inherit the rest (the mixins of MutableMapping and MutableSequence).
from collections import UserDict, UserList


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return key.lower() in self.data


class Defaulting(UserDict):
    def __missing__(self, key):
        return len(key)


class History(UserList):
    def append(self, item):
        if self.data and self.data[-1] == item:
            return
        super().append(item)


d = LowerDict({"Apple": 1}, Banana=2)
d["CHERRY"] = 3
d.update({"Date": 4})
print(d, len(d), "apple" in d, "APPLE" in d, d["BANANA"], d.get("cherry"), d.get("zzz", 0))
print(sorted(d.keys()), list(d.values()), d.pop("date"), d.setdefault("Elder", 5), d)
print(isinstance(d, UserDict), d == {"apple": 1, "banana": 2, "cherry": 3, "elder": 5}, d.data is not None)
e = Defaulting(a=1)
print(e["a"], e["missing"], "missing" in e)
u = UserDict(x=1) | {"y": 2}
u |= UserDict(z=3)
print(type(u).__name__, u, {"w": 0} | UserDict(x=1), UserDict.fromkeys("ab", 0))
c = d.copy()
c["New"] = 9
print(type(c).__name__, "new" in c, "new" in d)
try:
    d["nothing"]
except KeyError as err:
    print("KeyError", err)

h = History([1, 2])
for x in (2, 3, 3, 4, 1):
    h.append(x)
print(h, len(h), h[1], h[-2:], type(h[-2:]).__name__, h.count(1), h.index(3))
h.extend(History([7, 8]))
h += [9]
h2 = h + [10]
h.insert(0, 0)
h.remove(8)
h.sort(reverse=True)
print(h, h2, type(h2).__name__, h.pop(), h.pop(0), h)
print(History("abc") * 2, 2 * UserList([1]), [0] + UserList([1, 2]), UserList([1, 2]) < [1, 3], UserList([1]) == [1])
h.reverse()
del h[0]
h[0] = "first"
print(h, 9 in h, list(reversed(h)), h.copy() == h, sorted(UserList([3, 1, 2])))
try:
    hash(UserList())
except TypeError as err:
    print("TypeError", err)
