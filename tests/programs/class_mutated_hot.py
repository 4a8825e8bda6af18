# Classes changed while hot loops run over their instances: a method replaced, a
# class attribute changed, an attribute added to a base class, an instance
# attribute that starts hiding a method. Each change must show in the next
# iteration, as it does in CPython.


class Shape:
    sides = 0

    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size


class Square(Shape):
    sides = 4


class Tile(Square):
    pass


def doubled_area(self):
    return 2 * self.size * self.size


def run(tiles, rounds):
    total = 0
    for r in range(rounds):
        for t in tiles:
            total += t.area() + t.sides + t.size
        if r == 40:
            # A method replaced on the class the instances use.
            Tile.area = doubled_area
        if r == 80:
            # A class attribute changed on a base: subclasses see it.
            Square.sides = 5
        if r == 120:
            # Shadowed in the subclass itself.
            Tile.sides = 7
        if r == 160:
            # A new attribute on the root class, read below from then on.
            Shape.bonus = 3
    return total


tiles = [Tile(i % 5) for i in range(20)]
print(run(tiles, 200))


def with_bonus(tiles, rounds):
    total = 0
    for r in range(rounds):
        for t in tiles:
            total += t.bonus
        if r == 30:
            Shape.bonus = 10
        if r == 60:
            # The instance's own attribute hides the class attribute.
            tiles[0].bonus = 100
    return total


print(with_bonus(tiles, 90))


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


def bumps(c, rounds):
    out = 0
    for r in range(rounds):
        out += c.bump()
        if r == 50:
            # An instance attribute that hides the method from now on.
            c.bump = lambda: 1000
    return out


print(bumps(Counter(), 100))


def other_bumps(rounds):
    # Another instance of the class keeps its method.
    c = Counter()
    out = 0
    for r in range(rounds):
        out += c.bump()
    return out


print(other_bumps(100))


def label(self):
    return "class"


class Late:
    def __init__(self, v):
        self.v = v


def late(items, rounds):
    out = []
    for r in range(rounds):
        for it in items:
            if r >= 20:
                out.append(it.label())
            else:
                out.append(it.v)
        if r == 10:
            # A method added to the class after instances exist, while one
            # instance already holds an attribute of that name.
            items[1].label = lambda: "own"
            Late.label = label
    return out[-6:], len(out)


print(late([Late(1), Late(2), Late(3)], 30))
