"""Examples that expect exceptions, and the flags that loosen comparisons."""


class InsufficientFunds(Exception):
    pass


class Account:
    """
    >>> acct = Account(10)
    >>> acct.withdraw(25)
    Traceback (most recent call last):
      File "<stdin>", line 1, in <module>
    InsufficientFunds: balance 10, asked 25
    >>> acct.withdraw(-1)
    Traceback (most recent call last):
    ValueError: amount must be positive
    >>> acct.withdraw(4)
    6
    """

    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(f"balance {self.balance}, asked {amount}")
        self.balance -= amount
        return self.balance


def lookups():
    """
    >>> {"a": 1}["b"]
    Traceback (most recent call last):
    KeyError: 'b'
    >>> [1, 2][5]
    Traceback (most recent call last):
    IndexError: list index out of range
    >>> int("seven")
    Traceback (most recent call last):
    ValueError: invalid literal for int() with base 10: 'seven'
    >>> 1 / 0  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ZeroDivisionError: division...
    >>> undefined_name
    Traceback (most recent call last):
    NameError: name 'undefined_name' is not defined
    >>> raise StopIteration
    Traceback (most recent call last):
    StopIteration
    >>> int("x")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    some.module.ValueError: whatever it said
    """


def flags():
    """
    >>> list(range(30))  # doctest: +ELLIPSIS
    [0, 1, 2, ..., 29]
    >>> print("a   b\\n  c")  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> [[1, 2], [3, 4]]  # doctest: +NORMALIZE_WHITESPACE
    [[1, 2],
     [3, 4]]
    >>> print("no ellipsis here...")  # doctest: -ELLIPSIS
    no ellipsis here...
    >>> 1 + 1  # doctest: +SKIP
    3
    >>> 3 > 2
    1
    >>> print("first\\n\\nlast")
    first
    <BLANKLINE>
    last
    >>> print("{'key': ...}")  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    {'key':   ...}
    """


def strict():
    """
    >>> 3 > 2
    1
    >>> list(range(30))
    [0, 1, 2, ..., 29]
    """


if __name__ == "__main__":
    import doctest

    print(doctest.testmod(optionflags=doctest.ELLIPSIS))
    print(doctest.testmod(optionflags=doctest.DONT_ACCEPT_TRUE_FOR_1 | doctest.ELLIPSIS))
    print(doctest.SKIP, doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
