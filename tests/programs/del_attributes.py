# `del obj.attr`, `del self.x` in methods, `del Class.attr`, `delattr`, property
# deleters, `__delattr__` and `__slots__`, with CPython's errors.


class Config:
    debug = False
    level = 1

    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, value)

    def reset(self, name):
        # Deleting the instance's own value uncovers the class default.
        delattr(self, name)

    def clear_level(self):
        del self.level


c = Config(debug=True, level=5, name="prod")
print(c.debug, c.level, c.name, sorted(vars(c)))
c.reset("debug")
print(c.debug, sorted(vars(c)))
c.clear_level()
print(c.level, sorted(vars(c)))
del c.name
print(hasattr(c, "name"), vars(c))
try:
    del c.name
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.level
except AttributeError as e:
    print("AttributeError:", e)
c.name = "again"
print(c.name)

# Class attributes.
Config.timeout = 30
print(c.timeout)
del Config.timeout
print(hasattr(c, "timeout"), hasattr(Config, "timeout"))
try:
    del Config.timeout
except AttributeError as e:
    print("AttributeError:", e)


class Strict(Config):
    pass


try:
    del Strict.level
except AttributeError as e:
    print("AttributeError:", e)
del Config.level
print(hasattr(Strict, "level"), hasattr(Strict(), "level"))


# Properties with deleters, as a decorator and through property().
class Account:
    def __init__(self, owner):
        self._owner = owner
        self.log = []

    @property
    def owner(self):
        return self._owner

    @owner.setter
    def owner(self, value):
        self.log.append("set " + value)
        self._owner = value

    @owner.deleter
    def owner(self):
        self.log.append("deleted " + self._owner)
        del self._owner

    def _get_pin(self):
        return self.__dict__.get("_pin", "none")

    def _del_pin(self):
        self.log.append("pin cleared")
        self.__dict__.pop("_pin", None)

    pin = property(_get_pin, None, _del_pin)
    balance = property(lambda self: 100)


a = Account("ann")
a.owner = "bob"
del a.owner
print(a.log, hasattr(a, "_owner"))
try:
    print(a.owner)
except AttributeError as e:
    print("AttributeError:", e)
del a.pin
print(a.pin, a.log[-1])
try:
    del a.balance
except AttributeError as e:
    print("AttributeError:", e)
print(Account.owner.fdel is not None, Account.balance.fdel)
p = property(fget=lambda s: 1, fdel=lambda s: None)
print(p.fset, p.fdel is not None)


# `__delattr__`, ending in object's or the base's.
class Guarded:
    def __init__(self):
        self.keep = 1
        self.temp = 2
        self.other = 3

    def __delattr__(self, name):
        if name == "keep":
            raise AttributeError("cannot delete " + name)
        print("deleting", name)
        super().__delattr__(name)


class Audited(Guarded):
    def __delattr__(self, name):
        print("audit", name)
        object.__delattr__(self, name)


g = Guarded()
del g.temp
try:
    del g.keep
except AttributeError as e:
    print("AttributeError:", e)
try:
    del g.missing
except AttributeError as e:
    print("AttributeError:", e)
delattr(g, "other")
print(sorted(vars(g)))
au = Audited()
del au.keep
print(sorted(vars(au)))


# `__slots__`: an unset slot and a name that is no slot.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


pt = Point(1, 2)
del pt.x
print(hasattr(pt, "x"), pt.y)
try:
    del pt.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del pt.z
except AttributeError as e:
    print("AttributeError:", e)
pt.x = 5
print(pt.x)


# Functions, exceptions and other objects.
def handler():
    """Handles."""


handler.retries = 3
del handler.retries
print(hasattr(handler, "retries"))
del handler.__doc__
print(handler.__doc__)
try:
    del handler.retries
except AttributeError as e:
    print("AttributeError:", e)
err = ValueError("bad")
err.code = 7
del err.code
try:
    del err.code
except AttributeError as e:
    print("AttributeError:", e)
try:
    del err.args
except TypeError as e:
    print("TypeError:", e)
for target, name in [([], "append"), ("text", "upper"), (5, "y")]:
    try:
        delattr(target, name)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    delattr(c, 3)
except TypeError as e:
    print("TypeError:", e)

# Several targets in one statement, and the uncaught error.
x = Config(a=1, b=2)
del x.a, x.b
print(vars(x))
del x.a
