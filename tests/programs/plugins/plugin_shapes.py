"""A module found only through a directory the program adds to sys.path."""
REGISTRY = {}


def register(name):
    def deco(cls):
        REGISTRY[name] = cls
        return cls
    return deco


@register("square")
class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side
