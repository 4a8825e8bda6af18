# Decorators: a hand-written `wraps`, counting and tracing wrappers, memoization,
# decorators with arguments, stacked decorators, registries, and the attributes
# of the functions they make.


def wraps(wrapped):
    # What functools.wraps does for the attributes the subset has.
    def decorate(wrapper):
        wrapper.__name__ = wrapped.__name__
        wrapper.__qualname__ = wrapped.__qualname__
        wrapper.__doc__ = wrapped.__doc__
        wrapper.__wrapped__ = wrapped
        return wrapper

    return decorate


def counted(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


def traced(func):
    depth = 0

    @wraps(func)
    def wrapper(*args):
        nonlocal depth
        print("  " * depth + f"-> {func.__name__}{args}")
        depth += 1
        result = func(*args)
        depth -= 1
        print("  " * depth + f"<- {func.__name__} = {result!r}")
        return result

    return wrapper


@traced
def gcd(a, b):
    "Greatest common divisor."
    return a if b == 0 else gcd(b, a % b)


print(gcd(84, 36))
print(gcd.__name__, gcd.__qualname__, gcd.__doc__)


def memoize(func):
    cache = {}

    @wraps(func)
    def wrapper(*args):
        if args in cache:
            wrapper.hits += 1
        else:
            cache[args] = func(*args)
        return cache[args]

    wrapper.hits = 0
    wrapper.cache = cache
    return wrapper


@counted
@memoize
def ways(n, coins):
    # Ways to make n from the coins (a tuple), largest coin first.
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


print(ways(100, (50, 25, 10, 5, 1)), ways.calls, ways.__wrapped__.hits, len(ways.__wrapped__.cache))
print(ways.__name__, ways.__wrapped__.__name__, ways.__wrapped__.__wrapped__.__qualname__)


def repeat(times, sep=" "):
    def decorate(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            return sep.join([func(*args, **kwargs) for _ in range(times)])

        return wrapper

    return decorate


@repeat(3)
def shout(word, punct="!"):
    return word.upper() + punct


@repeat(2, sep=" / ")
def whisper(word):
    return word.lower()


print(shout("hey"), shout("ho", punct="?"), whisper("QUIET"))

handlers = {}


def on(event, priority=0):
    def register(func):
        if event not in handlers:
            handlers[event] = []
        handlers[event].append((priority, func.__name__, func))
        return func

    return register


@on("start", priority=2)
def open_files(ctx):
    ctx.append("open")


@on("start")
def log_start(ctx):
    ctx.append("log")


@on("stop")
def close_files(ctx):
    ctx.append("close")


def fire(event):
    ctx = []
    for priority, name, func in sorted(handlers[event], key=lambda h: -h[0]):
        func(ctx)
    return ctx


print(fire("start"), fire("stop"), sorted(handlers))


# A decorator may return anything, and decorators apply innermost first.
def constant(value):
    return lambda func: value


@constant(42)
def forty_two():
    pass


def tag(name):
    def decorate(func):
        def wrapper(*args):
            return f"<{name}>{func(*args)}</{name}>"

        return wrapper

    return decorate


@tag("b")
@tag("i")
def greet(who):
    return "hello " + who


print(forty_two, greet("world"), greet.__name__, greet.__qualname__)


# Validation with keyword-only options.
def check_types(*types, strict=True):
    def decorate(func):
        @wraps(func)
        def wrapper(*args):
            for i, (arg, t) in enumerate(zip(args, types)):
                if not isinstance(arg, t):
                    if strict:
                        return f"{func.__name__}: argument {i} should be {t}"
            return func(*args)

        return wrapper

    return decorate


@check_types(int, int)
def add(a, b):
    return a + b


@check_types(str, strict=False)
def loud(s):
    return str(s) + "!"


print(add(2, 3), add(2, "3"), loud(5), loud("x"))
print(type(add), type(add.__wrapped__), add.__wrapped__.__qualname__)
print(sorted(counted(lambda: 0).__dict__), len.__name__, [].append.__qualname__, int.__name__)
