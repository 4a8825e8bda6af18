# A structure nested 100,000 deep: CPython raises RecursionError, naming the operation.
x = None
y = None
for i in range(100000):
    x = {1: x}
    y = {1: y}
print("built")
print(x == y)
print("not reached")
