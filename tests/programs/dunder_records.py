# Sortable records, hashable keys and identity semantics in an inventory report.


class Version:
    def __init__(self, text):
        self.parts = [int(p) for p in text.split(".")]
        self.text = text

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __hash__(self):
        return hash(tuple(self.parts))

    def __repr__(self):
        return "v" + self.text


class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    def __lt__(self, other):
        if self.price != other.price:
            return self.price < other.price
        return self.name < other.name

    def __eq__(self, other):
        return isinstance(other, Item) and (self.name, self.price) == (other.name, other.price)

    def __repr__(self):
        return f"{self.name}@{self.price}"


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"({self.x}, {self.y})"


class Token:
    # Compared and hashed by identity: object's defaults.

    def __init__(self, label):
        self.label = label


versions = [Version(t) for t in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3", "2.0"]]
print(sorted(versions))
print(max(versions), min(versions), sorted(versions, reverse=True)[:2])
print(Version("1.2.3") in versions, versions.index(Version("1.2.10")), versions.count(Version("1.2.3")))
print(Version("1.0") < Version("1.0.1"), Version("2.0") >= Version("1.99"), Version("3") == "3")
print(Version("1.0") != Version("1.0"), Version("1.0") != Version("1.1"))
latest = {}
for v in versions:
    latest[v] = latest.get(v, 0) + 1
print(latest)

stock = [Item("bolt", 3, 100), Item("nut", 1, 250), Item("gear", 12, 7), Item("axle", 12, 3), Item("washer", 1, 80)]
stock.sort()
print(stock)
print(sorted(stock, key=lambda i: i.qty)[0], min(stock), max(stock))
print(Item("gear", 12, 0) in stock, Item("gear", 13, 0) in stock, [Item("nut", 1, 0)] == [stock[0]])
print(Item("nut", 1, 5) == Item("nut", 1, 9), Item("nut", 1, 5) != Item("nut", 2, 5))
try:
    print(Item("a", 1, 1) <= Item("b", 2, 2))
except TypeError as e:
    print("TypeError:", e)

# Points on a grid: flood fill keyed by hashable points.
walls = {Point(1, 0): True, Point(1, 1): True, Point(1, 2): True, Point(3, 1): True}
seen = {Point(0, 0): 0}
frontier = [Point(0, 0)]
while frontier:
    nxt = []
    for p in frontier:
        for dx, dy in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
            q = Point(p.x + dx, p.y + dy)
            if 0 <= q.x < 5 and 0 <= q.y < 4 and q not in walls and q not in seen:
                seen[q] = seen[p] + 1
                nxt.append(q)
    frontier = nxt
print(len(seen), seen[Point(4, 0)], seen[Point(2, 0)], Point(1, 1) in seen)

a = Token("a")
b = Token("a")
owners = {a: "first", b: "second"}
print(a == a, a == b, a != b, owners[a], owners[b], len(owners), hash(a) == hash(a))
print(a in [b, a], [b].count(a), vars(a), callable(a), callable(Token))
try:
    print(a < b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(Version("1") < 3)
except AttributeError as e:
    print("AttributeError:", e)
