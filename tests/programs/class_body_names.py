# Names in a class body: a name the body binds later is read from the globals (or
# the builtins) until the body binds it, as CPython's LOAD_NAME does.
x = "global x"
size = 10


class Shape:
    label = x                 # the global: the method x below is not bound yet
    doubled = size * 2
    n = len("abcd")           # the builtin, though `len` is bound below

    def x(self):
        return "method x"

    def len(self):
        return 99

    size = 3                  # from here on the class's own
    tripled = size * 3
    after = x                 # now the function


s = Shape()
print(Shape.label, Shape.doubled, Shape.n, Shape.tripled, s.x(), s.len(), Shape.after.__name__)


def factory(scale):
    class Scaled:
        factor = scale        # the enclosing function's variable
        total = size + 1      # a global

        def size(self):
            return "own"
    return Scaled


S = factory(5)
print(S.factor, S.total, S().size())


def broken():
    hidden = 1

    class Inner:
        value = hidden        # bound in this body below: CPython looks in the globals, not in broken()
        hidden = 2
    return Inner


try:
    broken()
except NameError as e:
    print("NameError:", e)
