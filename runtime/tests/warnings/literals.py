x = 1
if x is 1: print("a")
if x is 1 or x is not "s": print("b")
assert (x, "m")
def f():
    return [1, 2] (3) if x == 2 else 0
y = -1
print(x is -1, x is (), x is (1, 2), x is None, x is ..., x is True)
print(f())
try:
    print([1,2][1,2])
except TypeError as e: print(e)
z = None if x == 1 else (1)(2)
import warned_module
