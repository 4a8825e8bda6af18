# The errors complex numbers raise, with CPython's messages; the program ends
# with an uncaught complex division by zero inside a function.
import cmath
import math


def attempt(label, f):
    try:
        print(label, "->", f())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("div", lambda: (1 + 2j) / 0)
attempt("div0j", lambda: 1 / 0j)
attempt("zero neg pow", lambda: 0j ** -1)
attempt("zero complex pow", lambda: 0j ** 1j)
attempt("zero frac neg pow", lambda: 0 ** (-0.5 + 0j))
attempt("overflow pow", lambda: (1e200 + 1e200j) ** 2)
attempt("overflow general pow", lambda: (10 + 10j) ** 1000.5)
attempt("abs overflow", lambda: abs(complex(1e308, 1e308)))
attempt("order", lambda: 1j < 2j)
attempt("order mixed", lambda: 2 >= 1j)
attempt("floordiv", lambda: 1j // 2)
attempt("mod", lambda: 3 % 1j)
attempt("divmod", lambda: divmod(1j, 2))
attempt("invert", lambda: ~(1 + 1j))
attempt("and", lambda: 1j & 1)
attempt("int", lambda: int(1j))
attempt("float", lambda: float(2 + 0j))
attempt("round", lambda: round(1 + 1j))
attempt("pow mod", lambda: pow(2j, 2, 3))
attempt("concat", lambda: "a" + 1j)
attempt("repeat", lambda: [1] * 2j)
attempt("parse", lambda: complex("1+2"))
attempt("parse word", lambda: complex("one"))
attempt("parse empty", lambda: complex(""))
attempt("parse brackets", lambda: complex("(1+2j"))
attempt("str and imag", lambda: complex("1", 2))
attempt("imag str", lambda: complex(1, "2"))
attempt("none", lambda: complex(None))
attempt("imag none", lambda: complex(1, None))
attempt("list", lambda: complex([1]))
attempt("too big", lambda: complex(10 ** 400))
attempt("format d", lambda: format(1j, "d"))
attempt("format zero pad", lambda: format(1j, "010"))
attempt("format =", lambda: format(1j, "=10"))
attempt("format %", lambda: f"{1j:%}")
attempt("math.sqrt", lambda: math.sqrt(-1 + 0j))
attempt("math.exp", lambda: math.exp(1j))
attempt("cmath str", lambda: cmath.sqrt("4"))
attempt("cmath log0", lambda: cmath.log(0))
attempt("cmath log base 1", lambda: cmath.log(5, 1))
attempt("cmath log 0 base", lambda: cmath.log(0, 2))
attempt("cmath atanh 1", lambda: cmath.atanh(1))
attempt("cmath exp big", lambda: cmath.exp(800))
attempt("cmath cosh big", lambda: cmath.cosh(800 + 1j))
attempt("cmath isclose", lambda: cmath.isclose(1, 1j, abs_tol=-1))
attempt("cmath phase underflow", lambda: cmath.phase(complex(1e300, 1e-300)))
attempt("hash", lambda: hash(1j) == hash(complex(0, 1)))
attempt("sorted", lambda: sorted([2j, 1j]))
attempt("unhashable?", lambda: {1j: 1}[1j])


def impedance(r, x, load):
    return (r + 1j * x) / load


for load in [2, 1j, 0.5 - 0.5j, 0]:
    print(impedance(3, 4, load))
