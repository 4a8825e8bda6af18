"""Context managers written with contextlib, as scripts use them for setup and teardown."""
from contextlib import closing, contextmanager, nullcontext, suppress

events = []


@contextmanager
def section(title):
    print(f"== {title}")
    events.append(("open", title))
    try:
        yield title.lower()
    finally:
        events.append(("close", title))
        print(f"-- end of {title}")


@contextmanager
def temporary(store, key, value):
    """Sets store[key] for the block and restores what was there."""
    had = key in store
    old = store.get(key)
    store[key] = value
    try:
        yield store
    finally:
        if had:
            store[key] = old
        else:
            del store[key]


@contextmanager
def converting(errors):
    try:
        yield
    except (ValueError, KeyError) as e:
        errors.append(f"{type(e).__name__}: {e}")


@contextmanager
def never_yields():
    if False:
        yield


class Connection:
    def __init__(self, name):
        self.name = name
        self.open = True

    def close(self):
        self.open = False
        print(f"closed {self.name}")


with section("Setup") as tag:
    print("tag is", tag)

try:
    with section("Failing"):
        raise RuntimeError("disk full")
except RuntimeError as e:
    print("propagated:", e)

settings = {"mode": "fast"}
with temporary(settings, "mode", "safe") as s:
    print("inside:", s)
with temporary(settings, "debug", True):
    print("inside:", sorted(settings))
print("after:", settings)

errors = []
for text in ["12", "x", "7", "", "40"]:
    with converting(errors):
        print("parsed", int(text))
with converting(errors):
    {}["missing"]
print(errors)

with suppress(ZeroDivisionError, IndexError):
    print(1 / 0)
with suppress(KeyError):
    print("no error inside")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)

for use in (False, True):
    manager = section("Optional") if use else nullcontext("nothing")
    with manager as value:
        print("value:", value)

with closing(Connection("db")) as c:
    print("open?", c.open)
print("open after?", c.open)

try:
    with never_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

total = 0
for i in range(2000):
    with temporary(settings, "i", i) as s:
        total += s["i"]
print(total, events)
