# del of names: globals and locals become unbound; reading them is NameError / UnboundLocalError
a = 1
b = [1, 2]
del a
try:
    print(a)
except NameError as e:
    print(e)
def f():
    x = 3
    y = x
    del x
    try:
        return x
    except UnboundLocalError as e:
        print(e)
    return y
print(f())
def g():
    v = 1
    del v
    return v
g()
