# math's domain errors end the program with a traceback through the caller.
import math


def solve(a, b, c):
    disc = b * b - 4 * a * c
    root = math.sqrt(disc)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)


print(solve(1, -3, 2))
for c in range(4):
    print(c, solve(1.0, 2.0, c * 0.5))
