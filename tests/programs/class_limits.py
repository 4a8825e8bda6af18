# Classes at their limits: recursion through __init__ and a property, comparisons and
# arithmetic an instance does not define (TypeError), identity equality and hashing.

class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n > 0 else None

c = Chain(300)
d = 0
while c is not None:
    d += 1
    c = c.next
print(d)
class Inf:
    def __init__(self):
        self.x = Inf()
try:
    Inf()
except RecursionError as e:
    print("RecursionError", e)
class P:
    @property
    def boom(self):
        return self.boom
try:
    P().boom
except RecursionError as e:
    print("RecursionError", e)
class A:
    pass
try:
    A() < A()
except TypeError as e:
    print(e)
try:
    A() + 1
except TypeError as e:
    print(e)
print(A() == A(), len({A(): 1, A(): 2}))
