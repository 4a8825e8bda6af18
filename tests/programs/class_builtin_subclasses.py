# Classes that derive from list and dict, as programs write them: a stack with extra
# methods, a dict with __missing__, a matrix that prints itself, keyword defaults.


class Stack(list):
    def __init__(self, items=()):
        super().__init__(items)
        self.pushes = 0

    def push(self, x):
        self.append(x)
        self.pushes += 1

    def peek(self):
        return self[-1]

    def is_empty(self):
        return not self


class Registry(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value

    def names(self):
        return sorted(self)


class Config(dict):
    def __init__(self, name, **defaults):
        super().__init__(**defaults)
        self.name = name

    def describe(self):
        return f"{self.name}: " + ", ".join(f"{k}={self[k]}" for k in sorted(self))


class Matrix(list):
    def __init__(self, rows, cols):
        super().__init__([0] * cols for _ in range(rows))
        self.rows = rows
        self.cols = cols

    def __str__(self):
        return "\n".join(" ".join(str(x) for x in row) for row in self)


class Pretty(dict):
    def __repr__(self):
        return "Pretty(" + ", ".join(f"{k}={v}" for k, v in self.items()) + ")"


class Counted(Stack):
    def push(self, x):
        super().push(x * 10)


class Bag(list):
    pass


s = Stack([1, 2])
s.push(3)
s.push(4)
print(s, len(s), s.peek(), s.pushes, s.is_empty(), Stack().is_empty())
print(s.pop(), s, s[1:], type(s[1:]).__name__, s + [9], sum(s), sorted(s, reverse=True))
print(type(s).__name__, type(s), isinstance(s, Stack), isinstance(s, list), issubclass(Stack, list))
print(s == [1, 2, 3], s.__class__.__name__, vars(s), s.__dict__)

r = Registry(a=1)
print(r["hello"], r["a"], r, r.names(), len(r), type(r).__name__, isinstance(r, dict))
r.extra = 5
print(r.extra, r.get("zz"), "hello" in r, "zz" in r)

c = Config("db", host="localhost", port=5432)
c["user"] = "admin"
print(c.describe(), len(c), vars(c))

m = Matrix(2, 3)
m[1][2] = 7
print(m)
print(repr(m), m.rows, m.cols)

p = Pretty({"x": 1, "y": 2})
print(p, [p], str(p), f"{p!r:>20}")

k = Counted()
k.push(1)
k.push(2)
print(k, k.pushes, isinstance(k, Stack), issubclass(Counted, list))

b = Bag([3, 1, 2])
b.sort()
b.extend([9])
b += [10]
print(b, type(b).__name__, type(b * 2).__name__, b.count(9), b.index(10))
print(isinstance(b, (int, list)), issubclass(Bag, dict), issubclass(Bag, object))
match b:
    case Bag([first, *rest]):
        print("a bag starting with", first, "then", rest)
del b[0]
print(b, Bag("xy"), Bag(), list(Bag((1, 2))))
try:
    b.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    Bag(5)
except TypeError as e:
    print("TypeError:", e)
try:
    Config("e")["missing"]
except KeyError as e:
    print("KeyError:", e)
