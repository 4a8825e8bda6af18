# Singletons and instance caches through a metaclass's `__call__`, which ends in
# `super().__call__` (type's: `__new__` and `__init__` of the class).


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("creating", cls.__name__)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, path="app.cfg"):
        self.path = path
        self.values = {}


class Logger(metaclass=Singleton):
    def __init__(self):
        self.lines = []

    def log(self, text):
        self.lines.append(text)


a = Config("one.cfg")
b = Config("two.cfg")
print(Config("three.cfg") is a, b.path)
for i in range(1000):
    Logger().log(i)
print(len(Logger().lines), Logger().lines[-1], len(Singleton._instances))


class Interned(type):
    """Instances equal by their arguments are the same object."""

    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        cls._cache = {}

    def __call__(cls, *args):
        obj = cls._cache.get(args)
        if obj is None:
            obj = super().__call__(*args)
            cls._cache[args] = obj
        return obj


class Point(metaclass=Interned):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Color(metaclass=Interned):
    def __new__(cls, name):
        obj = super().__new__(cls)
        obj.name = name
        return obj


made = [Point(i % 5, i % 3) for i in range(3000)]
print(len(Point._cache), len(set(map(id, made))), made[7], made[7] is Point(2, 1))
print(Color("red") is Color("red"), Color("red") is Color("blue"), Color("blue").name)
print(type(Point) is Interned, Point._cache is not Color._cache)


# A metaclass counting instances, with a counter kept per class.
class Counted(type):
    def __call__(cls, *args, **kwargs):
        cls.count = getattr(cls, "count", 0) + 1
        return super().__call__(*args, **kwargs)


class Task(metaclass=Counted):
    def __init__(self, name, *, urgent=False):
        self.name = name
        self.urgent = urgent


class Job(Task):
    pass


tasks = [Task("t%d" % i, urgent=i % 2 == 0) for i in range(100)]
jobs = [Job("j") for _ in range(40)]
print(Task.count, Job.count, sum(t.urgent for t in tasks), type(Job).__name__)
try:
    Task()
except TypeError as e:
    print("TypeError:", e)
print(Task.count)
