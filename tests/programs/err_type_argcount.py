# TypeError: wrong positional argument count
def area(w, h):
    return w * h


print(area(3, 4), area(w=2, h=5))
print(area(1, 2, 3))
print("not reached")
