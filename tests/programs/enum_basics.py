# Card game pieces and grid directions with plain Enums: lookup, iteration,
# aliases, printing, and members as dict keys.
from enum import Enum, unique


class Suit(Enum):
    CLUBS = 1
    DIAMONDS = 2
    HEARTS = 3
    SPADES = 4


class Color(Enum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
    SCARLET = "red"   # an alias of RED


print(Suit.HEARTS)
print(repr(Suit.HEARTS))
print(Suit.HEARTS.name, Suit.HEARTS.value)
print(Suit.HEARTS._name_, Suit.HEARTS._value_)
print(f"{Suit.SPADES} / {Suit.SPADES!r} / [{Suit.CLUBS:>14}] [{Suit.CLUBS:<14}]")
print("%s and %r" % (Suit.CLUBS, Suit.DIAMONDS))
print(str(Color.GREEN), repr(Color.BLUE))
print(type(Suit.CLUBS), Suit, type(Suit.CLUBS) is Suit)
print(isinstance(Suit.CLUBS, Suit), isinstance(Suit.CLUBS, Enum), isinstance(Suit.CLUBS, Color))

# Lookups by value and by name.
print(Suit(3), Suit["SPADES"], Color("red"), Color["SCARLET"])
print(Suit(3) is Suit.HEARTS, Color.SCARLET is Color.RED, Suit(Suit.CLUBS))

# Iteration skips aliases; __members__ keeps them.
print(list(Color))
print(len(Color), len(Suit))
print([s.name for s in Suit])
print([c.value for c in reversed(Color)])
for name, member in Color.__members__.items():
    print(" ", name, "->", member)
print(list(Suit.__members__))
print(Color.__members__)

# Membership and equality.
print(Suit.CLUBS in Suit, Color.RED in Suit, Color.SCARLET in Color)
print(Suit.CLUBS == Suit.CLUBS, Suit.CLUBS != Suit.SPADES, Suit.CLUBS == 1, Color.RED == "red")
try:
    print(Suit.CLUBS < Suit.SPADES)
except TypeError as e:
    print("TypeError:", e)
try:
    print("red" in Color)
except TypeError as e:
    print("TypeError:", e)

# Members as keys: hashing uses the member's name, as in CPython.
counts = {}
for s in [Suit.HEARTS, Suit.CLUBS, Suit.HEARTS, Suit.SPADES, Suit.HEARTS]:
    counts[s] = counts.get(s, 0) + 1
print(counts)
print({Suit.SPADES, Suit.CLUBS, Suit.HEARTS, Suit.DIAMONDS} == set(Suit))
print(hash(Suit.CLUBS) == hash("CLUBS"))
print(sorted(Suit, key=lambda s: -s.value))
print(max(Suit, key=lambda s: s.value), min(Color, key=lambda c: c.value))

# Error messages of the enum machinery.
for bad in (7, "seven", None, (1, 2)):
    try:
        Suit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Suit["JOKER"]
except KeyError as e:
    print("KeyError:", e)
try:
    Suit.CLUBS = 9
except AttributeError as e:
    print("AttributeError:", e)
try:
    Suit.CLUBS.value = 9
except AttributeError as e:
    print("AttributeError:", e)
try:
    Suit.CLUBS.name = "X"
except AttributeError as e:
    print("AttributeError:", e)
try:
    class MoreSuits(Suit):
        STARS = 5
except TypeError as e:
    print("TypeError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
except ValueError as e:
    print("ValueError:", e)


@unique
class Direction(Enum):
    NORTH = (0, -1)
    EAST = (1, 0)
    SOUTH = (0, 1)
    WEST = (-1, 0)


x, y = 0, 0
for step in [Direction.NORTH, Direction.NORTH, Direction.EAST, Direction.SOUTH, Direction.WEST, Direction.WEST]:
    dx, dy = step.value
    x, y = x + dx, y + dy
print((x, y), Direction((1, 0)), Direction.SOUTH.value)
print(vars(Direction.EAST))

# Class attributes other than members: methods and a nested constant are not members.
class Level(Enum):
    LOW = 1
    HIGH = 2

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

print([lv.describe() for lv in Level], Level.__name__, Level.__qualname__)
Level.note = "extra attribute"
print(Level.note, len(Level))
