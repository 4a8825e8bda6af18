# Builtin-type subclasses with the protocol methods real programs give them: an
# attribute-style config dict, a callable counter, a list that is a context manager,
# a list that is its own iterator.


class AttrDict(dict):
    """Config object: keys read and written as attributes."""

    def __getattr__(self, name):
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(f"config has no key {name!r}") from None
        if isinstance(value, dict) and not isinstance(value, AttrDict):
            value = AttrDict(value)
            self[name] = value
        return value

    def __setattr__(self, name, value):
        self[name] = value


config = AttrDict(host="localhost", port=8080, db={"user": "admin", "pool": 4})
print(config.host, config.port, config.db.user, config.db.pool)
config.debug = True
config.db.pool = 8
print(sorted(config.keys()), config.db)
print(config.items() is not None, config.get("port"), len(config))
print(getattr(config, "host"), getattr(config, "missing", "default"), hasattr(config, "nope"), hasattr(config, "debug"))
try:
    config.timeout
except AttributeError as e:
    print("AttributeError:", e)
total = 0
for i in range(500):
    config.counter = i
    total += config.counter + config.port
print(total)


class Registry(dict):
    def __getattr__(self, name):
        return self[name]

    def register(self, fn):
        self[fn.__name__] = fn
        return fn


handlers = Registry()


@handlers.register
def greet(who):
    return "hello " + who


print(handlers.greet("bob"), list(handlers))
try:
    handlers.absent
except KeyError as e:
    print("KeyError:", e)


class Step(int):
    """A step size that scales what it is called with."""

    def __call__(self, x):
        return int(self) * x

    def __repr__(self):
        return f"Step({int(self)})"


double = Step(2)
print(double(21), double + 1, callable(double), callable(5), [double(i) for i in range(5)])
print(sum(map(Step(3), range(10))))
try:
    Step(2)(1, 2)
except TypeError as e:
    print("TypeError:", e)


class Transaction(list):
    """Collects operations; commits them when the block ends cleanly."""

    def __enter__(self):
        self.append("begin")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.append("rollback" if exc_type else "commit")
        return exc_type is KeyError


with Transaction() as t:
    t.append("write a")
print(t)
with Transaction() as t2:
    t2.append("write b")
    raise KeyError("b")
print(t2)
try:
    with Transaction() as t3:
        raise ValueError("bad")
except ValueError as e:
    print("escaped:", e, t3)


class Countdown(list):
    """A list of numbers that counts itself down when iterated."""

    def __iter__(self):
        return self

    def __next__(self):
        if not self:
            raise StopIteration
        return self.pop()


print(list(Countdown([1, 2, 3])), next(Countdown([7])))
acc = 0
for n in Countdown(list(range(1000))):
    acc += n
print(acc)
it = Countdown(["a"])
print(next(it), next(it, "done"))


class Cycle(tuple):
    def __call__(self, i):
        return self[i % len(self)]


colors = Cycle(("red", "green", "blue"))
print([colors(i) for i in range(7)], colors[0], len(colors))
