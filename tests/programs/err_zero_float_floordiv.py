# ZeroDivisionError: float floor division by zero
vals = [7.5, -7.5, 0.0]
for v in vals:
    print(v // 2, v // -2.0)
w = 0.0
print(7.5 // w)
print("not reached")
