# Functions: positional params, defaults, keyword args, return, pass
def add(a, b):
    return a + b


def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


def nothing():
    pass


def no_return(x):
    x = x + 1


print(add(2, 3), add("a", "b"), add([1], [2]), add(b=1, a=2), add(1.5, b=2))
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
print(greet("Ed", "Hey", "."), greet(punct="...", name="Fay"))
print(nothing(), no_return(5))


def accumulate(x, acc=[]):
    acc.append(x)
    return acc


r1 = accumulate(1)
print(r1)
r2 = accumulate(2)
print(r2, r1)
print(accumulate(3, []))
print(accumulate(4))
base = 10


def with_base(x, b=base):
    return x + b


base = 20
print(with_base(1), with_base(1, b=base), with_base(x=2))


def multi_return(n):
    if n > 0:
        return "pos"
    if n < 0:
        return "neg"


print(multi_return(1), multi_return(-1), multi_return(0))


def swap(a, b):
    return b, a


print(swap(1, 2), swap(b="B", a="A"))


def scale_all(lst, factor=2):
    return [v * factor for v in lst]


print(scale_all([1, 2, 3]), scale_all([1, 2], factor=10), scale_all(factor=3, lst=[1]))


def modify(lst):
    lst.append("modified")
    lst = ["rebound"]
    return lst


orig = [1]
print(modify(orig), orig)
fn = add
print(fn(10, 20))
funcs = [add, swap]
print(funcs[0](1, 2), funcs[1](1, 2))


def apply(f, x, y):
    return f(x, y)


print(apply(add, 3, 4), apply(swap, 1, 2), apply(f=add, x="p", y="q"))


def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1


print(early(50), early(0))


def compute(a, b=2, c=3, d=4):
    return a * 1000 + b * 100 + c * 10 + d


print(compute(1), compute(1, 5), compute(1, d=9), compute(1, 2, c=0), compute(d=1, c=2, b=3, a=4))


def local_vars(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total, i


print(local_vars(10), local_vars(0))


def default_none(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y


print(default_none(1), default_none(2), default_none(3, [0]))


def chain(x):
    return double(inc(x))


def inc(x):
    return x + 1


def double(x):
    return x * 2


print(chain(5), [chain(i) for i in range(4)])
table = {"add": add, "compute": compute}
print(table["add"](7, 8), table["compute"](0, c=1))
