# Metaclasses written against `type` directly: `type.__new__`, `type.__init__` and
# `type.__call__` named instead of reached through `super()`, a metaclass derived
# from another, `__mro__`/`__bases__` of metaclasses, `__str__` of classes, and the
# TypeErrors of `type.__new__`'s arguments.


class Tagged(type):
    def __new__(mcls, name, bases, namespace):
        namespace["tag"] = name.lower() + "!"
        return type.__new__(mcls, name, bases, namespace)

    def __init__(cls, name, bases, namespace):
        type.__init__(cls, name, bases, namespace)
        cls.ready = True

    def __call__(cls, *args):
        obj = type.__call__(cls, *args)
        obj.stamp = len(args)
        return obj

    def __str__(cls):
        return "class " + cls.__name__


class Traced(Tagged):
    calls = []

    def __call__(cls, *args):
        Traced.calls.append(cls.__name__)
        return super().__call__(*args)


class Item(metaclass=Tagged):
    def __init__(self, value):
        self.value = value


class Event(metaclass=Traced):
    def __init__(self, kind, when):
        self.kind = kind
        self.when = when


item = Item(3)
print(Item.tag, Item.ready, item.value, item.stamp, str(Item), Item)
ev = Event("start", 1.5)
print(Event.tag, ev.kind, ev.stamp, Traced.calls, type(Event).__name__)
print(Tagged.__mro__)
print(Traced.__mro__, Traced.__bases__, Tagged.__bases__)
print(isinstance(Event, Tagged), isinstance(Item, Traced), issubclass(Traced, Tagged))

total = 0
for i in range(1500):
    e = Event("tick", i)
    total += e.when + e.stamp
print(total, len(Traced.calls))

for args in [(1, (), {}), ("X", [], {}), ("X", (), [])]:
    try:
        type.__new__(Tagged, *args)
    except TypeError as e:
        print("TypeError:", e)
Dyn = Tagged("Dyn", (Item,), {"extra": 5})
print(Dyn.tag, Dyn.extra, Dyn(7).value, type(Dyn).__name__)
