# Closures: counters with nonlocal, accumulators, late binding, captured loop
# variables, variables passed through several levels, recursive inner functions,
# and small "objects" made of closures sharing state.


def make_counter(start=0, step=1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    return increment, reset


inc, reset = make_counter()
print(inc(), inc(), inc())
reset()
print(inc())
inc10, _ = make_counter(100, 10)
print(inc10(), inc10(), inc())


def make_averager():
    values = []

    def add(x):
        values.append(x)
        return sum(values) / len(values)

    return add


avg = make_averager()
for v in [10, 11, 12, 15]:
    print("average so far:", avg(v))


# Late binding: a closure sees the variable, not the value it had.
def late():
    x = 1

    def show():
        return x

    x = 2
    first = show()
    x = 3
    return first, show()


print(late())

# Every lambda made in a loop shares the loop variable; a default freezes it.
shared = []
frozen = []
for i in range(4):
    shared.append(lambda: i * 10)
    frozen.append(lambda i=i: i * 10)
print([f() for f in shared], [f() for f in frozen])

# A lambda in a comprehension captures the comprehension's variable: one cell per
# run of the comprehension, shared by the lambdas it makes.
runs = []
for base in range(2):
    fs = [lambda: (base, k) for k in range(3)]
    runs.append([f() for f in fs])
print(runs)
grid = [[lambda: (r, c) for c in range(2)] for r in range(2)]
print([[f() for f in row] for row in grid])


# A variable used three functions down is passed through the ones in between.
def level1(a):
    def level2(b):
        def level3(c):
            return a * 100 + b * 10 + c

        return level3

    return level2


print(level1(1)(2)(3), level1(7)(0)(9))


# Parameters captured by inner functions live in cells too.
def power_table(exp):
    def power(base):
        return base ** exp

    return [power(b) for b in range(1, 6)]


print(power_table(2), power_table(3))


# A nested function that calls itself.
def flatten(nested):
    out = []

    def walk(item):
        if isinstance(item, list):
            for x in item:
                walk(x)
        else:
            out.append(item)

    walk(nested)
    return out


print(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8]))


def fib_memo():
    cache = {0: 0, 1: 1}

    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]

    return fib, cache


fib, cache = fib_memo()
print(fib(60), len(cache))


# A bank account as a dict of closures over the same balance.
def account(owner, balance=0):
    history = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("refused", amount))
            return balance
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def statement():
        lines = [f"{owner}: {balance}"]
        for kind, amount in history:
            lines.append(f"  {kind:>8} {amount:6.2f}")
        return "\n".join(lines)

    return {"deposit": deposit, "withdraw": withdraw, "statement": statement}


acct = account("ada", 50)
acct["deposit"](25)
acct["withdraw"](100)
acct["withdraw"](30.5)
print(acct["statement"]())


# nonlocal through two levels, and a global declared inside a closure.
total_calls = 0


def outer():
    n = 0

    def middle():
        def inner():
            nonlocal n
            global total_calls
            n += 1
            total_calls += 1
            return n

        return inner

    f = middle()
    f()
    f()
    return f(), n


print(outer(), outer(), total_calls)

# A closure's variable may be a comprehension's target elsewhere: they are
# different variables.


def shadow():
    x = "outer"
    get = lambda: x
    squares = [x * x for x in range(4)]
    return get(), squares, x


print(shadow())


# Function composition and partial application, written by hand.
def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x

    return composed


def partial(func, *bound, **bound_kw):
    def call(*args, **kwargs):
        merged = dict(bound_kw)
        for k, v in kwargs.items():
            merged[k] = v
        return func(*bound, *args, **merged)

    return call


inc1 = lambda x: x + 1
double = lambda x: x * 2
print(compose(inc1, double)(5), compose(double, inc1)(5), compose()(5))
pad = partial(lambda s, width, fill=" ": fill * (width - len(s)) + s, fill="*")
print(pad("ab", 6), pad("abcdef", 3), partial(max, 3)(1, 7, 2))


def counter_with_cells(start):
    count = start
    step = 2

    def tick():
        nonlocal count
        count += step
        return count

    return tick


t = counter_with_cells(10)
t()
print(t.__closure__ is None, len(t.__closure__), sorted(c.cell_contents for c in t.__closure__))
print(inc1.__closure__, type(t.__closure__).__name__)
