# math functions take real numbers; factorial takes an int.
import math

print(math.floor(2.5), math.factorial(5))
print(math.factorial(4.0))
