# Context managers: timers that log, suppressors, nesting, several managers in one
# `with`, and leaving a `with` by return, break and continue.


class Section:
    depth = 0

    def __init__(self, name):
        self.name = name
        self.events = 0

    def __enter__(self):
        print("  " * Section.depth + "begin " + self.name)
        Section.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Section.depth -= 1
        status = "ok" if exc_type is None else "failed: " + exc_type.__name__
        print("  " * Section.depth + "end " + self.name + " (" + status + ")")
        return False


class Ignore:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught.append(str(exc))
            return True
        return False


class Ledger:
    def __init__(self):
        self.entries = []
        self.committed = []

    def __enter__(self):
        self.entries = []
        return self.entries

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed.extend(self.entries)
        else:
            print("rolled back", len(self.entries), "entries")
        return exc_type is not None and issubclass(exc_type, ValueError)


with Section("load") as s:
    with Section("parse"):
        s.events += 1
    with Section("check"), Section("index") as idx:
        idx.events += 2
        s.events += idx.events
print("events", s.events)

ignore = Ignore(ZeroDivisionError, KeyError)
for d in [1, 0, 2, 0]:
    with ignore:
        print("10 /", d, "=", 10 // d)
with ignore:
    {}["missing"]
print("ignored:", ignore.caught)

ledger = Ledger()
with ledger as entries:
    entries.append("deposit 10")
    entries.append("withdraw 3")
with ledger as entries:
    entries.append("withdraw 100")
    raise ValueError("insufficient funds")
print("committed:", ledger.committed)


def first_negative(values):
    with Section("scan"):
        for v in values:
            if v < 0:
                return v
    return None


print(first_negative([3, 1, -4, 1, -5]))
print(first_negative([1, 2]))

for i in range(4):
    with Section("item %d" % i):
        if i == 1:
            continue
        if i == 3:
            break
        print("    work on", i)

try:
    with Section("outer"):
        with Section("inner"):
            raise RuntimeError("disk full")
except RuntimeError as e:
    print("handled:", e)


def lines_with(manager):
    with manager:
        yield "one"
        yield "two"


for line in lines_with(Section("stream")):
    print(line)

try:
    with 42:
        pass
except TypeError as e:
    print(e)
