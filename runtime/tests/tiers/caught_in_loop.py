# Exceptions caught inside hot loops: a KeyError on a third of the iterations, a
# ValueError from int() on a quarter, and a `with` around every step whose manager
# suppresses a ZeroDivisionError now and then. The handlers run in tier 2.


class Quiet:
    def __init__(self):
        self.calls = 0

    def __enter__(self):
        self.calls += 1
        return self

    def __exit__(self, kind, value, tb):
        return kind is ZeroDivisionError


def tally(keys):
    d = {}
    for k in keys:
        try:
            d[k] += 1
        except KeyError:
            d[k] = 1
    return d


def parse(items):
    total = 0
    bad = 0
    for s in items:
        try:
            total += int(s)
        except ValueError as e:
            bad += 1
    return total, bad


def managed(n):
    q = Quiet()
    acc = 0
    for i in range(n):
        with q:
            acc += 60 // (i % 8)
    return acc, q.calls


keys = [i // 3 for i in range(30000)]
print(len(tally(keys)))
print(parse([str(i) if i % 4 else "n/a" for i in range(30000)]))
print(managed(30000))
