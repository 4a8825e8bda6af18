# cmath on a grid of arguments: every function's value (its float parts' exact
# repr) or the error CPython raises, plus complex powers and division.
import cmath

grid = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.25, 1e-310, 1e300, -7e200]
funcs = [cmath.sqrt, cmath.exp, cmath.log, cmath.log10, cmath.sin, cmath.cos, cmath.tan,
         cmath.asin, cmath.acos, cmath.atan, cmath.sinh, cmath.cosh, cmath.tanh,
         cmath.asinh, cmath.acosh, cmath.atanh, cmath.phase, cmath.polar, abs]
for f in funcs:
    line = []
    for re in grid:
        for im in grid[::3]:
            z = complex(re, im)
            try:
                line.append(repr(f(z)))
            except (ValueError, OverflowError) as e:
                line.append(type(e).__name__ + ":" + str(e))
    print(f.__name__, len(line))
    for i in range(0, len(line), 4):
        print("  " + " ".join(line[i:i + 4]))

print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(-1, 10), cmath.log10(100j))
for base in [1j, 1 + 1j, -2, 0.5 - 0.25j, 3]:
    for e in [2, -2, 0.5, 1j, 2 + 1j, 101, -0.5j, 0]:
        try:
            print(base, e, base ** e, sep=" ", end="; ")
        except (ZeroDivisionError, OverflowError) as err:
            print(base, e, type(err).__name__, err, end="; ")
    print()
for a in [1 + 2j, -3j, 1e300 + 1e300j, 5]:
    for b in [3 - 4j, 1e-300j, 2, 0.5j]:
        print(a / b, end=" ")
    print()
print(cmath.rect(2, 0.5), cmath.rect(1, -0.0), cmath.rect(0, 3), cmath.isclose(1 + 1e-10j, 1), cmath.isclose(1j, 1.001j, rel_tol=1e-2))
