# numbers: isinstance against the numeric tower for int, bool, float, complex, Fraction
# (and a subclass of it), and the names as hints
import numbers
from fractions import Fraction
vals = [1, True, 2.5, 3j, Fraction(1, 3), "x", None, [1]]
for v in vals:
    print(repr(v), [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
def total(xs: "list[numbers.Real]") -> numbers.Real:
    return sum(x for x in xs if isinstance(x, numbers.Real))
print(total([1, 2.5, "a", 3j, Fraction(1, 2)]))
class F2(Fraction):
    pass
print(isinstance(F2(1, 2), numbers.Rational), isinstance(F2(1, 2), numbers.Integral))
