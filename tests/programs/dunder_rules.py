# The dispatch rules of special methods at their edges: reflected operands of a
# subclass first, comparison results that are not bools, __hash__ = None inherited,
# __radd__ under sum(), in-place falling back to the binary form, and the TypeErrors
# of instances without the method.

class A:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return "A.add"
    def __radd__(self, o):
        return "A.radd"
    def __eq__(self, o):
        return "eq-result"
    def __lt__(self, o):
        return 1
    __hash__ = None
class B(A):
    def __radd__(self, o):
        return "B.radd"
    def __gt__(self, o):
        return "B.gt"
print(A(1) + B(2), B(2) + A(1), 1 + A(1), A(1) == 3, A(1) < A(2))
print(A(1) < B(2))
print(isinstance(A(1), (int, A)), isinstance(3, (str, B)), issubclass(B, (int, A)))
class S:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return o + self.v
print(sum([S(1), S(2), S(3)]))
class L:
    def __len__(self):
        return -1
try:
    len(L())
except ValueError as e:
    print("ValueError", e)
try:
    bool(L())
except ValueError as e:
    print("ValueError", e)
class Bad:
    def __bool__(self):
        return 1
try:
    if Bad():
        pass
except TypeError as e:
    print("TypeError", e)
class It:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in It(), 5 in It())
class C(A):
    pass
try:
    hash(C(1))
except TypeError as e:
    print(e)
class E:
    def __eq__(self, o):
        raise KeyError("boom")
    def __hash__(self):
        return 1
d = {E(): 1}
try:
    d[E()]
except KeyError as e:
    print("KeyError", e)
class Acc:
    def __init__(self):
        self.n = 0
    def __add__(self, o):
        r = Acc()
        r.n = self.n + o
        return r
a = Acc()
b = a
a += 5
print(a.n, b.n, id(a) == id(b))
try:
    print(A(1) < 3 < 5)
except TypeError as e:
    print(e)
print(hasattr(A, "__invert__"), hasattr(A(1), "__len__"), hasattr(B, "__radd__"))
try:
    -A(1)
except TypeError as e:
    print(e)
try:
    abs(A(1))
except TypeError as e:
    print(e)
try:
    A(1)()
except TypeError as e:
    print(e)
try:
    A(1)[0]
except TypeError as e:
    print(e)
try:
    for x in A(1):
        pass
except TypeError as e:
    print(e)
try:
    len(A(1))
except TypeError as e:
    print(e)
print(f"{A(1)!r}"[:18])
try:
    f"{A(1):>5}"
except TypeError as e:
    print(e)
