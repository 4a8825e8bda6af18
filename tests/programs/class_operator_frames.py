# Operator methods of user classes run as pushed frames (BINARY_OP_INSTANCE): hot
# loops of `+`, `-`, `*` and `@` between instances and with numbers, methods that
# return NotImplemented (CPython's TypeError, for the same class and for a number),
# augmented assignment falling back to the plain method, a subclass whose reflected
# method comes first, classes changed while loops run, several classes at one site, methods that raise or
# recurse, and the NotImplemented of the last line left uncaught.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, V):
            return self.x * k.x + self.y * k.y
        return V(self.x * k, self.y * k)

    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


class W(V):
    def __radd__(self, o):
        return "W.__radd__ first"


class Acc:
    def __init__(self, n):
        self.n = n

    def __iadd__(self, k):
        self.n += k
        return self


class Depth:
    def __init__(self, d):
        self.d = d

    def __add__(self, k):
        if k == 0:
            return self.d
        return Depth(self.d + 1) + (k - 1)


class Odd:
    def __init__(self, v):
        self.v = v

    def __mod__(self, k):
        if self.v % k == 3:
            raise ValueError("odd remainder " + str(self.v))
        return self.v % k


def loops():
    acc = V(0, 0)
    step = V(1, 2)
    dots = 0
    cross = 0
    for i in range(300):
        acc = acc + step * 2
        acc = acc - V(1, 1)
        dots += acc * step
        cross += acc @ step
        h = acc / 2
    print(acc, dots, cross, h)
    a = V(1.5, -2.0)
    for i in range(50):
        a += V(0.25, 0.5)
    print(a)


def not_implemented():
    a = V(1, 2)
    for i in range(40):
        try:
            r = a - (i if i % 10 == 9 else V(i, i))
        except TypeError as e:
            print(i, e)
    for i in range(40):
        try:
            r = a - 2.5 if i % 13 == 12 else a - a
        except TypeError as e:
            print(i, e)
    b = V(3, 4)
    for i in range(30):
        try:
            b -= (V(1, 1) if i % 15 else (7 if i else "x"))
        except TypeError as e:
            print(i, e)
    print(b)


def reflected_first():
    a = V(1, 1)
    out = []
    for i in range(40):
        r = a + (W(i, i) if i % 4 == 3 else V(i, i))
        out.append(r if isinstance(r, str) else r.x)
    print(out)


def inplace_method():
    acc = Acc(0)
    for i in range(100):
        acc += i
    print(acc.n)


class V2(V):
    def __matmul__(self, o):
        return 1000

    def __mul__(self, k):
        return "scaled " + str(k)


def replaced():
    total = 0
    for i in range(60):
        a = V(1, 1) if i < 30 else V2(1, 1)
        if i == 40:
            V2.unit = 1
        total += a @ V2(i, 2)
    print(total)
    for i in range(60):
        if i == 30:
            V.scale = 2
        r = (V(1, 1) if i % 20 < 10 else V2(1, 1)) * 3
    print(r)


def raising():
    count = 0
    for i in range(50):
        try:
            count += Odd(i) % 5
        except ValueError as e:
            count += 100
            last = str(e)
    print(count, last)
    print(Depth(0) + 30)


loops()
not_implemented()
reflected_first()
inplace_method()
replaced()
raising()


def last():
    return V(1, 2) - 7


last()
