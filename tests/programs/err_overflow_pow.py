# OverflowError: float ** huge exponent
x = 2.0
print(x ** 10, x ** 100, x ** 1000, 10.0 ** 300)
print(x ** 10000)
print("not reached")
