class Base:
    def __init_subclass__(cls, **kw):
        print("sub", cls.__name__)
    def greet(self):
        return "base " + self.name
Dyn = type("Dyn", (Base,), {"name": "d", "__repr__": lambda self: "<dyn>"})
d = Dyn()
print(d, d.greet(), Dyn, Dyn.__qualname__, Dyn.__mro__, Dyn.__module__)
E = type("E", (), {})
print(E.__bases__, type(E()).__name__)
Err = type("MyErr", (ValueError,), {})
try:
    raise Err("boom")
except ValueError as e:
    print(repr(e), type(e).__name__)
for bad in [(1, (), {}), ("X", [], {}), ("X", (), [])]:
    try:
        type(*bad)
    except TypeError as e:
        print(e)
try:
    type("a", "b")
except TypeError as e:
    print(e)
