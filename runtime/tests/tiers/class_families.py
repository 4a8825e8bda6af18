# One hot loop over the class families: a class constant read off the class and
# through an instance that lacks it, a property, and instances built by `Point(x, y)`.


class Config:
    SCALE = 3


class Point:
    OFFSET = 1

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + self.OFFSET


def run(n):
    total = 0
    for i in range(n):
        p = Point(i, -i)
        total += p.norm1 * Config.SCALE
    return total


print(run(20000))
