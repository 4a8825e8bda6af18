# Instances of one class get their attributes in different orders and from different
# places; a store that adds an attribute must never duplicate one the instance has.


class Rec:
    kind = "rec"


class Point:
    def __init__(self, x, y, labelled):
        if labelled:
            self.label = "p%d" % x
        self.x = x
        self.y = y


def tag(r, v):
    r.b = v


def describe(r):
    parts = []
    for name in ("a", "b", "c", "d", "label", "x", "y"):
        if hasattr(r, name):
            parts.append("%s=%s" % (name, getattr(r, name)))
    return " ".join(parts)


recs = []
for i in range(12000):
    r = Rec()
    if i % 3 == 0:
        r.a = i
    elif i % 3 == 1:
        r.b = -i
    else:
        r.c = 0
        r.d = 1
    tag(r, i)
    tag(r, i + 1)
    recs.append(r)

total = 0
for r in recs:
    total += r.b
print("total", total)
print(describe(recs[0]), "|", describe(recs[1]), "|", describe(recs[2]))
print(describe(recs[-1]))

points = [Point(i, i * 2, i % 4 == 0) for i in range(10000)]
print(sum(p.x + p.y for p in points), sum(1 for p in points if hasattr(p, "label")))
print(describe(points[8]), "|", describe(points[9]))
for p in points[:5]:
    p.kind = "moved"
    p.x += 1
print(points[0].kind, points[0].x, points[4].x, Rec.kind)
print(len(vars(recs[2])), sorted(vars(recs[2])))
