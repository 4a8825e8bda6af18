# Structural pattern matching as a small interpreter and a command parser use it.
from collections import namedtuple, deque

class Status:
    NOT_FOUND = 404
    TEAPOT = 418


def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case Status.NOT_FOUND:
            return "not found"
        case Status.TEAPOT:
            return "I'm a teapot"
        case 301 | 302 as redirect:
            return f"redirect ({redirect})"
        case int(c) if 500 <= c < 600:
            return f"server error {c}"
        case None:
            return "no status"
        case False | True:
            return "a bool?"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "ok":
            return "text ok"
        case _:
            return "unknown"


for code in [200, 204, 404, 418, 301, 302, 503, 499, None, True, -1, 1.5, "ok", 3.0]:
    print(code, "->", http_status(code))


# A stack machine whose instructions are tuples.
def run(program):
    stack = []
    out = []
    for instr in program:
        match instr:
            case ("push", value):
                stack.append(value)
            case ("pop",):
                stack.pop()
            case ("add",) | ("+",):
                b, a = stack.pop(), stack.pop()
                stack.append(a + b)
            case ("mul", n):
                stack.append(stack.pop() * n)
            case ("print", *labels):
                out.append(" ".join(labels) + ": " + repr(stack[-1]))
            case ("dup", count) if count > 0:
                stack.extend([stack[-1]] * count)
            case ("dup", _):
                out.append("bad dup")
            case [op, *args]:
                out.append(f"unknown {op} with {len(args)} args")
            case []:
                out.append("empty instruction")
    return stack, out


stack, out = run([("push", 2), ("push", 3), ("add",), ("mul", 10), ("print", "result", "is"),
                  ("dup", 2), ("dup", 0), ["frobnicate", 1, 2], (), ("push", 1), ("+",), ("print",)])
print(stack)
for line in out:
    print(line)


def shape(value):
    match value:
        case []:
            return "empty"
        case [x]:
            return f"singleton {x}"
        case [x, y]:
            return f"pair {x}, {y}"
        case [first, *middle, last] if not middle:
            return "impossible"
        case [first, *_, last]:
            return f"from {first} to {last}"


for v in [[], [1], (1, 2), [1, 2, 3, 4], range(5), deque("abc"), "ab"]:
    print(repr(v), shape(v))


def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["go", other]:
            return "cannot go " + other
        case ["take" | "get", item, *rest] if rest:
            return f"take {item} and {len(rest)} more"
        case ["take" | "get", item]:
            return "take " + item
        case [("a" | "b") as x, ("c" | "d") as y] | [y, x, "swapped"]:
            return f"x={x} y={y}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "what?"


for c in ["go north", "go up", "take lamp", "get key coin gem", "a d", "c a swapped", "quit", "dance now"]:
    print(repr(c), "->", nested(c))

# A capture pattern binds the name for after the statement, as any assignment does.
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
print(a, b, c, d)

# Names bound by a case that failed partway stay unbound in CPython 3.11: the stores
# happen only once the whole pattern matched.
match (1, 2):
    case (q, 3):
        print("no")
    case (_, r):
        print("r =", r)
try:
    print(q)
except NameError as e:
    print("NameError:", e)


def first_named(x):
    match x:
        case (("a" | "b") as first, *_) | [first]:
            return first
    return None


print(first_named(("a", 1, 2)), first_named(["z"]), first_named(("c", 1)))
