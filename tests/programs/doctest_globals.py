"""Each docstring runs in its own copy of the module's globals.

>>> registry.append("module doc")
>>> registry
['seed', 'module doc']
>>> limit = 99
"""
registry = ["seed"]
limit = 3


def register(name):
    """
    >>> register("a")
    ['seed', 'a']
    >>> registry = ["replaced"]
    >>> registry
    ['replaced']
    >>> register("b")
    ['seed', 'a', 'b']
    >>> limit
    3
    """
    registry.append(name)
    return registry


def rebind():
    """
    >>> limit
    3
    >>> global_made_here = 1
    >>> rebind()
    4
    >>> limit
    4
    >>> global_made_here
    1
    """
    global limit
    limit += 1
    return limit


def fresh():
    """
    >>> "global_made_here" in globals()
    False
    >>> registry
    ['seed', 'module doc', 'a', 'b']
    >>> limit
    3
    """


if __name__ == "__main__":
    import doctest

    print(doctest.testmod())
    print(registry, limit)
    print("global_made_here" in globals())
    scratch = {"registry": ["scratch"], "limit": 0, "rebind": rebind}
    doctest.run_docstring_examples(rebind, scratch, name="rebind")
    print(scratch["limit"], limit)
    doctest.run_docstring_examples(register, {"register": register, "limit": 3}, True, "reg")
