# Scopes of closures: a nested function reading its enclosing function's variable,
# nonlocal, a variable passed through a function that does not use it, a parameter
# captured, comprehensions inside closures, and a global declared in a nested function.
print("closures compile")


def make_adder(n):
    def add(x):
        return x + n
    return add


print(make_adder(2)(40))


def outer(p):
    q = p * 2

    def middle():
        def inner():
            nonlocal q
            q += 1
            return p, q, [p * k + q for k in range(3)]
        return inner
    f = middle()
    f()
    return f(), q


print(outer(5))
counter = 0


def bump_global():
    def inner():
        global counter
        counter += 1
        return counter
    return inner() + inner()


print(bump_global(), counter)
print([g() for g in [lambda i=i: i * i for i in range(4)]])
print([g() for g in [lambda: i * i for i in range(4)]])
