# A structure nested 100,000 deep: CPython raises RecursionError, naming the operation.
x = None
y = None
for i in range(100000):
    x = [x]
    y = [y]
print("built")
print([1, y].index(x))
print("not reached")
