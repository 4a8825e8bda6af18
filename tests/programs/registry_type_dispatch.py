# A plugin registry that accepts classes or instances, the way small frameworks do.
from abc import ABC, abstractmethod


class Registry:
    def __init__(self):
        self._entries = {}

    def register(self, item, name=None):
        if isinstance(item, type):
            key = name or item.__name__.lower()
            self._entries[key] = item
            return item
        key = name or type(item).__name__.lower()
        self._entries[key] = type(item)
        return item

    def create(self, key, *args):
        cls = self._entries[key]
        return cls(*args)

    def describe(self):
        rows = []
        for key in sorted(self._entries):
            cls = self._entries[key]
            kind = "builtin" if cls.__module__ == "builtins" else "user"
            rows.append(f"{key:>8}: {cls.__name__} ({kind}, metatype {type(cls).__name__})")
        return rows


class Plugin:
    def __init__(self, level=1):
        self.level = level

    def __repr__(self):
        return f"{type(self).__name__}(level={self.level})"


class Loud(Plugin):
    pass


class Base(ABC):
    @abstractmethod
    def run(self): ...


reg = Registry()
reg.register(Plugin)
reg.register(Loud(3), name="shout")
reg.register(int)
reg.register("text")
for line in reg.describe():
    print(line)
print(reg.create("plugin", 2), reg.create("shout"), reg.create("int", "41") + 1, repr(reg.create("str", 5)))

def kind_of(x):
    if isinstance(x, type):
        return "class " + x.__name__
    return "a " + type(x).__name__

print([kind_of(v) for v in (Plugin, Loud(), 3, int, type, Base, ValueError, ValueError("x"), None)])
print(type(Plugin) is type, type(int) is type, type(type) is type, isinstance(type, type), isinstance(type, object))
print(issubclass(type, object), issubclass(Loud, Plugin), type.__name__, repr(type), callable(type))
print(isinstance(Plugin(), (type, int)), isinstance(Loud, (int, type)))
try:
    type()
except TypeError as e:
    print("TypeError:", e)
