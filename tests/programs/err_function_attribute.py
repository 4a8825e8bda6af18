# AttributeError: reading an attribute a function never had


def counted(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)

    wrapper.calls = 0
    return wrapper


square = counted(lambda x: x * x)
print(square(3), square(4), square.calls)
cube = counted(lambda x: x ** 3)
print(cube.__name__, cube.__qualname__)
print(cube.hits)
