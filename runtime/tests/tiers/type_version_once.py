# Attribute reads of the same two objects in a hot loop: each object's class is
# checked once per iteration, not at every `self.x` (the optimizer proves the type
# version of a value and drops the repeated guards on it).


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z


def run(n):
    a = Vec(1.0, 2.0, 3.0)
    b = Vec(0.5, 0.25, 2.0)
    total = 0.0
    for i in range(n):
        total += a.dot(b)
    return total


print(run(10000))
