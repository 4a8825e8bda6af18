# Parameters and arguments: positional-only, keyword-only, *args and **kwargs,
# defaults evaluated once, f(*xs, **kw) calls, and forwarding wrappers.


def describe(a, b=2, /, c=3, *rest, d, e=5, **options):
    return f"a={a} b={b} c={c} rest={rest} d={d} e={e} options={options}"


print(describe(1, d=4))
print(describe(1, 20, 30, 40, 50, d=4, e=6, x=7, y=8))
print(describe(*[1, 2], *(3, 4), d=0, **{"e": 9, "z": 1}))
print(describe(1, c=30, d=40, a=99))


def stats(*numbers, precision=2):
    if not numbers:
        return "no data"
    mean = sum(numbers) / len(numbers)
    var = sum([(x - mean) ** 2 for x in numbers]) / len(numbers)
    return f"n={len(numbers)} mean={round(mean, precision)} var={round(var, precision)}"


print(stats())
print(stats(1, 2, 3, 4))
print(stats(*range(10), precision=4))


def build_tag(tag, /, *children, **attrs):
    rendered = "".join([f' {k}="{v}"' for k, v in attrs.items()])
    return f"<{tag}{rendered}>" + "".join(children) + f"</{tag}>"


print(build_tag("p", "hi ", build_tag("b", "there"), cls="intro", id=3))
print(build_tag("tag", tag="attribute named like the positional-only one"))


def connect(host, port=80, *, timeout=10, retries=3):
    return f"{host}:{port} timeout={timeout} retries={retries}"


settings = {"timeout": 2.5, "retries": 0}
print(connect("example.org"), connect("db", 5432, **settings), connect(port=22, host="ssh"))
print(connect.__defaults__, connect.__kwdefaults__)

# Defaults are evaluated once, when the function is made.
made = []


def stamp():
    made.append(len(made))
    return len(made)


def remember(item, seen=[], when=stamp()):
    seen.append(item)
    return when, list(seen)


print(remember("a"), remember("b"), remember("c", []), made)


def defaults_in_a_loop():
    fs = []
    for i in range(3):
        def f(x=i * i):
            return x

        fs.append(f)
    return [f() for f in fs], [f(-1) for f in fs]


print(defaults_in_a_loop())
print(remember.__defaults__[1], len(remember.__defaults__))


# A wrapper passes everything on unchanged.
def forward(func):
    def wrapper(*args, **kwargs):
        print("args:", args, "kwargs:", kwargs)
        return func(*args, **kwargs)

    return wrapper


print(forward(describe)(0, d="dee", extra=[1]))
print(forward(max)(3, 9, 4), forward(sorted)("cab", reverse=True))
print(forward(lambda *a, **k: (a, sorted(k)))(*"xy", **dict(b=1, a=2)))


def keyword_only_counts(*, first, second=2, third):
    return first + second + third


print(keyword_only_counts(third=3, first=1), keyword_only_counts(first=1, second=1, third=1))


def unpack_and_collect(first, *middle, last):
    return first, middle, last


pairs = [(1, 2), (3, 4)]
print(unpack_and_collect(*pairs, last=0), unpack_and_collect("only", last="end"))
print(max(*[3, 8, 1]), min(*"hello"), print(*[1, 2, 3], sep="-"))
print(dict(**{"a": 1}, b=2), list(zip(*[(1, "a"), (2, "b")])))


def change_defaults(a, b=1):
    return a + b


change_defaults.__defaults__ = (100,)
print(change_defaults(1))
change_defaults.__defaults__ = None
print(change_defaults(1, 2), change_defaults.__defaults__)
