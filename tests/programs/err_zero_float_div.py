# ZeroDivisionError: float division by zero
x = 1.5
ys = [2.0, 0.5, -0.25, 0.0]
for y in ys:
    print(x, "/", y, "=", x / y)
print("not reached")
