# Coroutines driven by send(), and generators stopped early with close() and throw().


def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = running_average()
next(avg)
for x in [10, 20, 30, 25, 15]:
    print("average now", avg.send(x))


def grep(pattern, sink):
    while True:
        line = yield
        if pattern in line:
            sink.send(line)


def printer(prefix):
    count = 0
    try:
        while True:
            line = yield
            count += 1
            print(prefix, count, line)
    finally:
        print(prefix, "closed after", count)


p = printer(">>")
next(p)
g = grep("py", p)
next(g)
for line in ["python is fun", "rust is fast", "pypy is faster", "cpython"]:
    g.send(line)
g.close()
p.close()


def resource(name):
    print("open", name)
    try:
        for i in range(5):
            yield name + str(i)
    finally:
        print("release", name)


r = resource("db")
print(next(r), next(r))
r.close()
print("closed twice is fine:", r.close())

for item in resource("file"):
    if item.endswith("2"):
        break
print("after the loop")


def retrying():
    attempts = 0
    while True:
        try:
            yield attempts
        except ValueError as e:
            attempts += 1
            print("retry after", e)


t = retrying()
print(next(t))
print(t.throw(ValueError("timeout")))
print(t.throw(ValueError("refused")))
try:
    t.throw(KeyError("fatal"))
except KeyError as e:
    print("gave up:", e)
print(next(t, "exhausted"))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)


def state_machine():
    state = "idle"
    while True:
        event = yield state
        if state == "idle" and event == "start":
            state = "running"
        elif state == "running" and event == "pause":
            state = "paused"
        elif state == "paused" and event == "start":
            state = "running"
        elif event == "stop":
            return state


m = state_machine()
print(next(m))
for ev in ["start", "pause", "noise", "start"]:
    print(ev, "->", m.send(ev))
try:
    m.send("stop")
except StopIteration as e:
    print("stopped in", e.value)

it = running_average()
try:
    it.send(5)
except TypeError as e:
    print(e)
