"""What examples print is captured and compared, never shown."""
import sys


def show_board(cells):
    """
    >>> show_board("XO XOX  O")
    X|O| 
    X|O|X
     | |O
    >>> show_board("")
    """
    for row in range(0, len(cells), 3):
        print("|".join(cells[row:row + 3]))


def chatty(n):
    """
    >>> chatty(3)
    working 0
    working 1
    working 2
    'done'
    >>> chatty(0); print("after")
    'done'
    after
    >>> r = chatty(1)
    working 0
    >>> r
    'done'
    """
    for i in range(n):
        print("working", i)
    return "done"


def partial_lines():
    """
    >>> print("no newline", end="")
    no newline
    >>> sys.stdout.write("written\\n")
    written
    8
    >>> print("a", "b", sep="-", file=sys.stdout)
    a-b
    >>> print("line one\\n  indented")
    line one
      indented
    >>> for word in ["x", "y"]:
    ...     print(word * 3)
    xxx
    yyy
    """


print("before the tests")

if __name__ == "__main__":
    import doctest

    print("testmod:", doctest.testmod())
    print("verbose run:")
    doctest.testmod(verbose=True)
    print("after the tests")
