# Import forms: plain, aliased, from-import with aliases, star import, the module
# cache (the same module object twice), module attributes and __name__.
import math
import math as m
import bisect, heapq
from math import sqrt, floor as fl, pi
from heapq import *
import time


def show(label, *values):
    print(label, *values)


m.__dict__["marker"] = 42
show("same module", math.__dict__["marker"], "marker" in bisect.__dict__)
show("sqrt", sqrt(16.0), m.sqrt(2.0))
show("floor", fl(-2.5), fl(7))
show("pi", pi, math.pi == m.pi)
show("names", math.__name__, heapq.__name__, __name__)
show("dict", "sqrt" in math.__dict__, len([k for k in bisect.__dict__ if not k.startswith("_")]))
h = []
for v in [9, 4, 7, 1, 8, 2]:
    heappush(h, v)
print(h, heappop(h), h)
heapify(h)
print(heappushpop(h, 0), heapreplace(h, 10), h)
start = time.perf_counter()
elapsed = time.perf_counter() - start
print(elapsed >= 0.0, type(time.time()), time.monotonic() >= 0.0)


def local_import():
    import bisect as b
    from math import gcd
    return b.bisect_left([1, 2, 3], 2), gcd(84, 36)


print(local_import())

if __name__ == "__main__":
    print("run as the main program")
else:
    print("imported")
