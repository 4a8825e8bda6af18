# Lambdas: dispatch tables, callbacks, functions returning functions, immediately
# invoked lambdas, defaults and keyword-only parameters, and a small event loop.

ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else float("inf"),
    "max": max,
}


def evaluate(tokens):
    # Reverse Polish notation.
    stack = []
    for t in tokens.split():
        if t in ops:
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[t](a, b))
        else:
            stack.append(float(t) if "." in t else int(t))
    return stack[0]


print(evaluate("3 4 + 2 *"), evaluate("10 4 - 3 /"), evaluate("1 0 /"), evaluate("2 9 max 3 *"))

print((lambda x, y=10, *, z=100: x + y + z)(1), (lambda: "nothing")(), (lambda *a: len(a))(1, 2, 3))
print((lambda **kw: sorted(kw.items()))(b=2, a=1))

make_multiplier = lambda n: lambda x: x * n
triple = make_multiplier(3)
print(triple(7), make_multiplier("ab")(3), list(map(make_multiplier(2), range(4))))

# Callbacks kept in a list and run later, with arguments bound through defaults.
queue = []


def schedule(callback, *args):
    queue.append(lambda: callback(*args))


out = []
for name in ["alpha", "beta"]:
    schedule(out.append, name.upper())
    schedule(lambda n=name: out.append(n[::-1]))
schedule(lambda: out.extend(["done"]))
while queue:
    queue.pop(0)()
print(out)

# Conditional logic inside lambdas.
classify = lambda n: "negative" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "large"
print([classify(n) for n in [-5, 0, 3, 42]])
clamp = lambda lo, hi: lambda v: lo if v < lo else hi if v > hi else v
print(list(map(clamp(0, 10), [-3, 4, 15])))

# Function-valued defaults and recursion through a name.
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20), (lambda f=fact: f(5))())

# A lambda's name and qualified name.
print(fact.__name__, fact.__qualname__, make_multiplier(1).__qualname__, classify.__doc__)
print([f.__qualname__ for f in [lambda: 0 for _ in range(1)]])


def outer():
    return [lambda: 1, (lambda: lambda: 2)()]


print([f.__qualname__ for f in outer()])
