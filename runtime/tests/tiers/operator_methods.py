# One hot loop over operator methods of a user class: `a + b` of two instances and
# `a * k` of an instance and a float, each a plain Python method whose frame
# BINARY_OP_INSTANCE pushes, so the loop's trace follows into it.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)


def run(n):
    acc = V(0.0, 0.0)
    step = V(1.0, 2.0)
    for i in range(n):
        acc = acc + step * 0.5
    return acc.x, acc.y


print(run(20000))
