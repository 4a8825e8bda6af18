"""A small inventory model whose classes carry their own doctests."""
from dataclasses import dataclass


class Inventory:
    """Items and their counts.

    >>> inv = Inventory()
    >>> inv.add("apple", 3)
    >>> inv.add("apple", 2)
    >>> inv.count("apple")
    5
    """

    def __init__(self):
        self.items = {}

    def add(self, name, n=1):
        """Add n of name.

        >>> inv = Inventory(); inv.add("pear"); inv.items
        {'pear': 1}
        """
        self.items[name] = self.items.get(name, 0) + n

    def count(self, name):
        return self.items.get(name, 0)

    @property
    def total(self):
        """
        >>> inv = Inventory()
        >>> inv.add("a", 2); inv.add("b", 5)
        >>> inv.total
        7
        """
        return sum(self.items.values())

    @staticmethod
    def parse(line):
        """
        >>> Inventory.parse("fig: 4")
        ('fig', 4)
        """
        name, n = line.split(":")
        return name.strip(), int(n)

    @classmethod
    def from_lines(cls, lines):
        """
        >>> inv = Inventory.from_lines(["fig: 4", "kiwi: 1", "fig: 1"])
        >>> sorted(inv.items.items())
        [('fig', 5), ('kiwi', 1)]
        """
        inv = cls()
        for line in lines:
            inv.add(*cls.parse(line))
        return inv

    class Error(Exception):
        """Raised for a bad line.

        >>> raise Inventory.Error("bad line")
        Traceback (most recent call last):
        ...
        Inventory.Error: bad line
        """


@dataclass
class Item:
    """
    >>> Item("tea", 2.5)
    Item(name='tea', price=2.5)
    """
    name: str
    price: float = 0.0


def undocumented(x):
    return x


if __name__ == "__main__":
    import doctest

    results = doctest.testmod(verbose=True)
    print(results)
    print(results.failed, results.attempted, results[1])
