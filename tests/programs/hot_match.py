# Match statements inside hot loops: the patterns' instructions run in traces, and
# the cases taken change partway so side exits get warm.


class Circle:
    __match_args__ = ("r",)

    def __init__(self, r):
        self.r = r


class Rect:
    __match_args__ = ("w", "h")

    def __init__(self, w, h):
        self.w = w
        self.h = h


def area_times_100(shape):
    match shape:
        case Circle(r):
            return 314 * r * r
        case Rect(w, h) if w == h:
            return 100 * w * w
        case Rect(w, h):
            return 100 * w * h
        case (w, h):
            return 100 * w * h
        case {"side": s}:
            return 100 * s * s
        case _:
            return 0


shapes = [Circle(1), Rect(2, 2), Rect(2, 3), (4, 5), {"side": 3}, "nothing"]
total = 0
for i in range(20000):
    total += area_times_100(shapes[i % 6] if i > 6000 else shapes[i % 2])
print(total)

fizz = []
for n in range(1, 10001):
    match (n % 3, n % 5):
        case (0, 0):
            fizz.append("FizzBuzz")
        case (0, _):
            fizz.append("Fizz")
        case (_, 0):
            fizz.append("Buzz")
        case _:
            fizz.append(n)
print(fizz[:15], fizz.count("FizzBuzz"), fizz.count("Fizz"))

tokens = []
text = "let x = 10 + y * 3 ; print x ; " * 400
for word in text.split():
    match word:
        case "let" | "print" as kw:
            tokens.append(("KW", kw))
        case "=" | "+" | "*" | ";" as op:
            tokens.append(("OP", op))
        case w if w.isdigit():
            tokens.append(("NUM", int(w)))
        case w:
            tokens.append(("NAME", w))
counts = {}
for kind, _ in tokens:
    counts[kind] = counts.get(kind, 0) + 1
print(len(tokens), sorted(counts.items()))

state = {"count": 0, "items": []}
for i in range(6000):
    match state:
        case {"count": c, "items": [*_, last]} if c % 1000 == 999:
            state = {"count": c + 1, "items": [last]}
        case {"count": c, "items": items}:
            items.append(c)
            state = {"count": c + 1, "items": items}
print(state["count"], len(state["items"]), state["items"][:3])
