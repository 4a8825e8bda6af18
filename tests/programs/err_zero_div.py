# ZeroDivisionError: int true division
values = [10, 5, 2, 1]
for v in values:
    print(100 / v)
d = 0
print("about to divide by", d)
print(1 / d)
print("not reached")
