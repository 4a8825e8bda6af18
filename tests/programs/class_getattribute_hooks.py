# __getattribute__ on user classes: counting reads, a proxy forwarding through
# super().__getattribute__, a fixed answer before __getattr__ defaults; hot loops.
class Logged:
    def __init__(self, x):
        self.x = x
        self.reads = 0

    def __getattribute__(self, name):
        if name != "reads" and not name.startswith("__"):
            object.__setattr__(self, "reads", object.__getattribute__(self, "reads") + 1)
        return object.__getattribute__(self, name)

    def double(self):
        return self.x * 2


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattribute__(self, name):
        if name.startswith("_"):
            return super().__getattribute__(name)
        target = super().__getattribute__("_target")
        return getattr(target, name)


class Defaults:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"default-{name}"


class Sub(Logged):
    pass


lg = Logged(5)
for i in range(300):
    lg.x + lg.double()
print(lg.reads, lg.x, lg.double(), getattr(lg, "x"), hasattr(lg, "nope"))
s = Sub(3)
total = 0
for i in range(300):
    total += s.x
print(total, s.reads)
p = Proxy([3, 1, 2])
p.sort()
print(p.count(1), p.index(2), p._target)
d = Defaults()
print(d.magic, d.other, getattr(d, "zzz"))
try:
    Proxy(5).nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__getattribute__(lg, "missing")
except AttributeError as e:
    print("AttributeError:", e)
