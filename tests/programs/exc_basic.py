# try/except/else/finally, raise, exception objects: args, str, repr, __cause__, __context__
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        print("bad:", e, repr(e), e.args)
        return -1
    finally:
        print("finally", s)

print(parse("12"), parse("x"))
d = {}
try:
    d["k"]
except KeyError as e:
    print("key", e, repr(e), e.args)
try:
    1 / 0
except (TypeError, ArithmeticError) as e:
    print(type(e).__name__, isinstance(e, ZeroDivisionError), isinstance(e, LookupError))
else:
    print("no")
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)
def f():
    raise ValueError("deep", 3)
try:
    f()
except Exception as e:
    print(str(e), repr(e))
total = 0
for i in range(3000):
    try:
        total += 10 // (i % 7)
    except ZeroDivisionError:
        total -= 1
print(total)
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("b")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise IndexError
    except IndexError:
        raise
except LookupError as e:
    print("re", repr(e))
def g():
    for x in [1, 2]:
        try:
            return x * 10
        finally:
            print("leaving", x)
print(g())
try:
    raise TypeError
except:
    print("bare")
