# Outside the subset: a nested function reading its enclosing function's variable.
print("never printed: the whole file is refused before running")


def make_adder(n):
    def add(x):
        return x + n
    return add
