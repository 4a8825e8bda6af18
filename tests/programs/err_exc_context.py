# finally runs on the way out; an exception raised in an except clause names the one it interrupted
def f(n):
    try:
        return 1 / n
    finally:
        print("cleanup", n)
print(f(2))
for i in range(2000):
    try:
        x = [1, 2][i % 3]
    except IndexError:
        pass
try:
    f(0)
except ZeroDivisionError as e:
    raise RuntimeError("wrapped")
