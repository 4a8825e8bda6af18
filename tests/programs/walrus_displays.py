# Assignment expressions, star-unpacking in displays, and print to other files.
import sys


def chunks(data, size):
    out = []
    while (piece := data[:size]):
        out.append(piece)
        data = data[size:]
    return out


print(chunks(list(range(7)), 3))

readings = [3, 18, 7, 25, 11, 40]
if (n := len(readings)) > 5:
    print("many readings:", n)
print([y for x in readings if (y := x * 2) > 20], y)

scores = {"ann": 7, "bob": 3}
if (best := max(scores, key=lambda k: scores[k])) == "ann":
    print("best is", best)

head = [1, 2]
tail = (8, 9)
print([*head, 3, *tail], (*head,), (0, *tail), [*"ab", *range(3)])
print([*[], *()], (*head, *head))
defaults = {"color": "red", "size": 2}
overrides = {"size": 5}
print({**defaults, **overrides}, {"x": 1, **defaults, "color": "blue"}, {**{}})
merged = {**{i: i * i for i in range(3)}, 10: 100}
print(merged)

first, *rest = [*head, *tail]
print(first, rest)


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


c = Collector()
print("to", "a", "collector", sep="|", file=c)
print(1, 2, file=c, end=";")
print(c.parts)
print("to stdout", file=sys.stdout, flush=True)
print("none file", file=None)
