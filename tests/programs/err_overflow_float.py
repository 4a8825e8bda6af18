# OverflowError: int too large to convert to float
print(float(10 ** 300), float(2 ** 1000))
big = 10 ** 400
print(big % 1000, len(str(big)))
print(float(big))
print("not reached")
