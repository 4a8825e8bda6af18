# Mapping and class patterns: decoding JSON-like events and walking a small AST.
from collections import namedtuple, defaultdict, Counter, OrderedDict


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": "q" | "Q"}:
            return "quit"
        case {"type": "key", "key": str(k), **mods} if mods:
            return f"key {k} with {sorted(mods)}"
        case {"type": "key", "key": k}:
            return f"key {k!r}"
        case {"type": kind, **rest}:
            return f"other {kind}: {rest}"
        case {}:
            return "not an event"


events = [
    {"type": "click", "pos": (3, 4)},
    {"type": "click", "pos": [5, 6], "button": 1},
    {"type": "key", "key": "Q"},
    {"type": "key", "key": "a", "shift": True, "ctrl": False},
    {"type": "key", "key": 7},
    {"type": "scroll", "dy": -1, "dx": 0},
    {"pos": (1, 1)},
    defaultdict(int, {"type": "key", "key": "z"}),
    Counter("aab"),
    OrderedDict([("type", "resize"), ("w", 80)]),
    [("type", "click")],
]
for e in events:
    print(handle(e))

# A missing key does not call a defaultdict's factory.
d = defaultdict(list)
match d:
    case {"anything": v}:
        print("matched", v)
    case _:
        print("no key, still", len(d), "keys")


class Num:
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value


class BinOp:
    __match_args__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right


class Neg(Num):
    pass


class Var:
    def __init__(self, name):
        self.name = name


def evaluate(node, env):
    match node:
        case Neg(v):
            return -v
        case Num(value=v):
            return v
        case Var(name=name) if name in env:
            return env[name]
        case Var(name=name):
            raise KeyError(name)
        case BinOp("+", left, right):
            return evaluate(left, env) + evaluate(right, env)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return 0
        case BinOp("*", left, right):
            return evaluate(left, env) * evaluate(right, env)
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op}")


def simplify(node):
    match node:
        case BinOp("+", Num(0), other) | BinOp("+", other, Num(0)):
            return simplify(other)
        case BinOp("*", Num(1), other) | BinOp("*", other, Num(1)):
            return simplify(other)
        case BinOp(op, left, right):
            return BinOp(op, simplify(left), simplify(right))
        case _:
            return node


def show(node):
    match node:
        case Num(v):
            return str(v)
        case Var(name=n):
            return n
        case BinOp(op, l, r):
            return f"({show(l)} {op} {show(r)})"


tree = BinOp("+", BinOp("*", Num(1), Var("x")), BinOp("+", Num(0), Neg(4)))
print(show(tree), "=", evaluate(tree, {"x": 10}))
print(show(simplify(tree)))
print(evaluate(BinOp("*", Var("undefined"), Num(0)), {}))
for bad in [BinOp("-", Num(1), Num(2)), Var("y")]:
    try:
        evaluate(bad, {})
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)

# Builtin types match themselves with one positional sub-pattern.
for v in [3, 2.5, "s", [1], (1,), {"a": 1}, {1}, frozenset(), True, None]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case list(l) | tuple(l):
            print("sequence", l)
        case dict(m):
            print("dict", m)
        case set() | frozenset():
            print("a set")
        case object():
            print("something else:", v)

Point = namedtuple("Point", "x y")
for p in [Point(0, 0), Point(1, 0), Point(2, 3), (2, 3)]:
    match p:
        case Point(0, 0):
            print("origin")
        case Point(x, 0):
            print("on the x axis at", x)
        case Point(x=x, y=y):
            print("point", x, y)
        case (a, b):
            print("plain tuple", a, b)


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def kind(self):
        return "hot" if self.celsius > 25 else "mild" if self.celsius > 10 else "cold"


for t in [Temperature(30), Temperature(15), Temperature(-3)]:
    match t:
        case Temperature(kind="hot", celsius=c):
            print("hot", c)
        case Temperature(kind="cold"):
            print("cold")
        case Temperature(missing=1):
            print("never")
        case _:
            print("just", t.kind)

# Errors a class pattern raises at run time.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class Twice:
    __match_args__ = ("a",)
    a = 1


not_a_class = len
for subject, attempt in [(NoArgs(), 1), (BadArgs(), 2), (Twice(), 3), ("s", 4), (5, 5)]:
    try:
        match subject:
            case NoArgs(1) if attempt == 1:
                pass
            case BadArgs(1) if attempt == 2:
                pass
            case Twice(1, a=2) if attempt == 3:
                pass
            case int(1, 2) if attempt == 5:
                pass
            case not_a_class() if attempt == 4:
                pass
    except TypeError as e:
        print("TypeError:", e)
