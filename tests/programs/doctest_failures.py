"""Doctests that fail: the report names the file, the line and the test."""


def average(values):
    """Mean of the values.

    >>> average([1, 2, 3])
    2
    >>> average([2, 4])
    3.0
    >>> average([1.5])
    1.5
    """
    return sum(values) / len(values)


def greet(name):
    """
    >>> greet("Ada")
    Hello, Ada
    >>> greet("")
    >>> greet("Bob")
    Hello, Bob!
    """
    if name:
        print("Hello, " + name + "!")


def table(n):
    """
    >>> table(3)
    1 2 3
    2 4 6
    >>> table(2)
    1 2
    2 4
    >>> print("x\\n\\ny")
    x
    y
    >>> print("")
    """
    for i in range(1, n + 1):
        print(" ".join(str(i * j) for j in range(1, n + 1)))


class Counter:
    """
    >>> c = Counter()
    >>> c.tick(); c.tick()
    >>> c.value
    1
    >>> c.value == 2
    True
    """

    def __init__(self):
        self.value = 0

    def tick(self):
        """
        >>> Counter().tick()
        1
        """
        self.value += 1


if __name__ == "__main__":
    import doctest

    outcome = doctest.testmod()
    print(outcome)
    print("fast:", doctest.testmod(optionflags=doctest.FAIL_FAST))
    print("first only:", doctest.testmod(optionflags=doctest.REPORT_ONLY_FIRST_FAILURE))
