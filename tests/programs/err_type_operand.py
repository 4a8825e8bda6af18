# TypeError: unsupported operand type(s)
a = 5
b = "5"
print(a * 2, b * 2, str(a) + b, a + int(b))
print(a + b)
print("not reached")
