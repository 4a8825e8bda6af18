# Versions and cards ordered through functools.total_ordering: each class defines
# __eq__ and one comparison; the decorator supplies the rest.
from functools import total_ordering


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "Version(" + ".".join(map(str, self.parts)) + ")"


@total_ordering
class Card:
    ORDER = "23456789TJQKA"

    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, other):
        return self.rank == other.rank

    def __ge__(self, other):
        return self.ORDER.index(self.rank) >= self.ORDER.index(other.rank)

    def __repr__(self):
        return self.rank


@total_ordering
class Weight:
    def __init__(self, kg):
        self.kg = kg

    def __eq__(self, other):
        return self.kg == other.kg

    def __le__(self, other):
        return self.kg <= other.kg


@total_ordering
class Score:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __gt__(self, other):
        return self.n > other.n


versions = [Version(v) for v in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(versions), max(versions), min(versions))
a, b = Version("2.0"), Version("2.0.1")
print(a < b, a <= b, a > b, a >= b, a == b, a != b, b >= a, a <= Version("2.0"))
print(sorted([Card(r) for r in "K3TA2Q"]), Card("A") > Card("K"), Card("2") < Card("3"), Card("5") <= Card("5"))
w1, w2 = Weight(3), Weight(5)
print(w1 < w2, w1 > w2, w1 >= w2, w2 >= w1, w1 <= w1, w1 < w1)
s1, s2 = Score(1), Score(2)
print(s1 < s2, s1 >= s2, s2 <= s1, s2 >= s2, s1 <= s1)
print(sorted([Score(4), Score(1), Score(3)], reverse=True)[0].n)
print(callable(Version.__gt__), callable(Score.__le__))
try:
    Version("1.0") < "1.0"
except TypeError as err:
    print("TypeError:", err)
try:
    Version("1.0") >= 3
except TypeError as err:
    print("TypeError:", err)
try:
    @total_ordering
    class NoOrder:
        def __eq__(self, other):
            return True
except ValueError as err:
    print("ValueError:", err)
