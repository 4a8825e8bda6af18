# Descriptors written in Python: validated fields, lazy attributes, and the
# lookup order between data descriptors, instance dicts and non-data descriptors.


class Typed:
    """A data descriptor that checks the type of what is stored."""

    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__["_" + self.name] = value

    def __delete__(self, obj):
        print("deleting", self.name)
        obj.__dict__.pop("_" + self.name, None)


class Positive(Typed):
    def __set__(self, obj, value):
        super().__set__(obj, value)
        if value <= 0:
            raise ValueError(f"{self.name} must be positive")


class Product:
    name = Typed(str, "?")
    price = Positive(float, 0.0)
    qty = Positive(int, 1)

    def __init__(self, name, price, qty=1):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self):
        return self.price * self.qty


p = Product("widget", 2.5, 4)
print(p.name, p.price, p.qty, p.total())
print(Product.name.name, Product.price.owner, type(Product.qty).__name__)
for bad in [("x", 1, 1), ("x", -2.0, 1), ("x", 1.0, "3")]:
    try:
        Product(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# A data descriptor wins over the instance's dict.
p.__dict__["qty"] = 99
print(p.qty, p.__dict__["qty"])
del p.price
print(p.price, "_price" in p.__dict__)


class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 7

    def __set__(self, obj, value):
        raise AttributeError("read-only")


class Holder:
    fixed = ReadOnly()


h = Holder()
for action in (lambda: setattr(h, "fixed", 1), lambda: delattr(h, "fixed")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError", e)
print(h.fixed)


class Lazy:
    """A non-data descriptor: the value it computes is cached in the instance's dict,
    which then hides it."""

    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.attr = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("computing", self.attr)
        value = self.func(obj)
        obj.__dict__[self.attr] = value
        return value


class Circle:
    def __init__(self, r):
        self.r = r

    @Lazy
    def area(self):
        return round(3.14159 * self.r * self.r, 3)


c = Circle(2)
print(c.area, c.area, c.area)
print(isinstance(Circle.area, Lazy), "area" in vars(c))


class Counter:
    """A descriptor that counts reads, bound per class through `objtype`."""

    def __init__(self):
        self.reads = 0

    def __get__(self, obj, objtype=None):
        self.reads += 1
        return (objtype.__name__, obj is None, self.reads)


class A:
    hits = Counter()


class B(A):
    pass


print(A.hits, B.hits, A().hits, B().hits)
total = 0
for i in range(3000):
    total += A().hits[2]
print(total)


class Hook:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


class Owner:
    first = Hook()
    second = Hook()

    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__)


class Child(Owner):
    third = Hook()


class Broken:
    def __set_name__(self, owner, name):
        raise ValueError("nope")


try:
    class Bad:
        x = Broken()
except RuntimeError as e:
    print(type(e).__name__, e, "|", repr(e.__cause__))


# Functions are descriptors too: __get__ binds them.
def shout(self, suffix="!"):
    return self.word.upper() + suffix


class Word:
    def __init__(self, word):
        self.word = word


w = Word("hey")
bound = shout.__get__(w, Word)
print(bound(), bound("?"), shout.__get__(None, Word) == shout, type(bound).__name__)
