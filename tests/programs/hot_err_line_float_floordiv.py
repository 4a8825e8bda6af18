# float // by zero inside a hot loop
x = 10.0
acc = 0.0
for i in range(5000, -1, -1):
    d = float(i)
    acc += x // d
print("not reached", acc)
