# Benchmarks two ways to build a list with timeit; times vary, so only their types,
# counts and signs are printed.
import timeit

setup = "data = list(range(50))"
loop = """
out = []
for x in data:
    out.append(x * 2)
"""
comp = "out = [x * 2 for x in data]"

t_loop = timeit.timeit(loop, setup=setup, number=200)
t_comp = timeit.timeit(comp, setup, number=200)
print(type(t_loop).__name__, t_loop >= 0, type(t_comp).__name__, t_comp >= 0)

runs = timeit.repeat("sum(data)", setup, repeat=3, number=100)
print(type(runs).__name__, len(runs), all(isinstance(r, float) and r >= 0 for r in runs))

calls = []
def work():
    calls.append(1)
print(timeit.timeit(work, number=7) >= 0, len(calls))

counter = {"n": 0}
def step():
    counter["n"] += 1
timer = timeit.Timer(step)
print(timer.repeat(repeat=2, number=5) is not None, counter["n"])

t = timeit.Timer("y = x + 1", globals={"x": 41})
print(t.timeit(number=3) >= 0)

ticks = iter(range(0, 1000, 10))
fake = timeit.Timer("pass", timer=lambda: next(ticks))
print(fake.timeit(number=5), fake.repeat(repeat=2, number=1))

start = timeit.default_timer()
print(isinstance(start, float), timeit.default_timer() >= start)

for bad in (42, None):
    try:
        timeit.Timer(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    timeit.Timer("x = (")
except SyntaxError as e:
    print("SyntaxError")
