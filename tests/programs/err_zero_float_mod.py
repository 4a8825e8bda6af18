# ZeroDivisionError: float modulo
print(5.5 % 2.0, -5.5 % 2.0, 5.5 % -2.0)
z = 0.0
print("modulo by", z)
print(5.5 % z)
print("not reached")
