# TypeError: a function's __name__ must be a str


def rename(func, name):
    func.__name__ = name
    return func


f = rename(lambda: 0, "zero")
print(f.__name__, f.__qualname__)
rename(f, 0)
