"""Rational numbers, as CPython 3.11's fractions module has them: Fraction, exact
arithmetic with ints and Fractions, float results when a float takes part, CPython's
hash (equal to the hash of an equal int or float) and its error messages."""

import math as _math

__all__ = ["Fraction"]

# The modulus of CPython's numeric hash (sys.hash_info.modulus) and the hash of
# infinity (sys.hash_info.inf).
_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159


def _digits(text):
    """The int of a run of digits with single underscores between them, or None."""
    if not text or text[0] == "_" or text[-1] == "_" or "__" in text:
        return None
    for ch in text:
        if ch != "_" and ch not in "0123456789":
            return None
    return int(text)


def _parse(literal):
    """(numerator, denominator) of a Fraction literal, or None if it is not one."""
    s = literal.strip()
    sign = 1
    if s[:1] in ("+", "-"):
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if "/" in s:
        num_text, _, den_text = s.partition("/")
        num, den = _digits(num_text), _digits(den_text)
        if num is None or den is None:
            return None
        return sign * num, den
    exp = 0
    for marker in ("e", "E"):
        if marker in s:
            s, _, exp_text = s.partition(marker)
            exp_sign = 1
            if exp_text[:1] in ("+", "-"):
                exp_sign = -1 if exp_text[0] == "-" else 1
                exp_text = exp_text[1:]
            e = _digits(exp_text)
            if e is None:
                return None
            exp = exp_sign * e
            break
    whole, dot, frac = s.partition(".")
    if not whole and not frac:
        return None
    num = _digits(whole) if whole else 0
    if num is None:
        return None
    den = 1
    if dot and frac:
        f = _digits(frac)
        if f is None:
            return None
        scale = 10 ** len(frac.replace("_", ""))
        num = num * scale + f
        den = scale
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


def _is_rational(x):
    return isinstance(x, (int, Fraction))


class Fraction:
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75), Fraction(3)."""

    __slots__ = ("_numerator", "_denominator")

    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, int):
                n, d = int(numerator), 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                n, d = parsed
                if d == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % n)
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            if not (_is_rational(numerator) and _is_rational(denominator)):
                raise TypeError("both arguments should be Rational instances")
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a, b = Fraction(numerator), Fraction(denominator)
                n, d = a._numerator * b._denominator, a._denominator * b._numerator
            else:
                n, d = int(numerator), int(denominator)
            if d == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % n)
        g = _math.gcd(n, d)
        if d < 0:
            g = -g
        self._numerator = n // g
        self._denominator = d // g

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(f)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with a denominator at most max_denominator (the
        continued-fraction convergents, then the better of the two bounds)."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # Arithmetic: exact with ints and Fractions, float with floats.
    def _operands(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return self._numerator, self._denominator, other._numerator, other._denominator
        return None

    def __add__(self, other):
        ops = self._operands(other)
        if ops is not None:
            na, da, nb, db = ops
            return Fraction(na * db + nb * da, da * db)
        if isinstance(other, float):
            return float(self) + other
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, int):
            return self + other
        if isinstance(other, float):
            return other + float(self)
        return NotImplemented

    def __sub__(self, other):
        ops = self._operands(other)
        if ops is not None:
            na, da, nb, db = ops
            return Fraction(na * db - nb * da, da * db)
        if isinstance(other, float):
            return float(self) - other
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, int):
            return Fraction(other) - self
        if isinstance(other, float):
            return other - float(self)
        return NotImplemented

    def __mul__(self, other):
        ops = self._operands(other)
        if ops is not None:
            na, da, nb, db = ops
            return Fraction(na * nb, da * db)
        if isinstance(other, float):
            return float(self) * other
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, int):
            return self * other
        if isinstance(other, float):
            return other * float(self)
        return NotImplemented

    def __truediv__(self, other):
        ops = self._operands(other)
        if ops is not None:
            na, da, nb, db = ops
            if nb == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (na * db))
            return Fraction(na * db, da * nb)
        if isinstance(other, float):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other):
        if isinstance(other, int):
            return Fraction(other) / self
        if isinstance(other, float):
            return other / float(self)
        return NotImplemented

    def __floordiv__(self, other):
        ops = self._operands(other)
        if ops is not None:
            na, da, nb, db = ops
            return (na * db) // (da * nb)
        if isinstance(other, float):
            return float(self) // other
        return NotImplemented

    def __rfloordiv__(self, other):
        if isinstance(other, int):
            return Fraction(other) // self
        if isinstance(other, float):
            return other // float(self)
        return NotImplemented

    def __mod__(self, other):
        ops = self._operands(other)
        if ops is not None:
            na, da, nb, db = ops
            return Fraction((na * db) % (nb * da), da * db)
        if isinstance(other, float):
            return float(self) % other
        return NotImplemented

    def __rmod__(self, other):
        if isinstance(other, int):
            return Fraction(other) % self
        if isinstance(other, float):
            return other % float(self)
        return NotImplemented

    def __pow__(self, other):
        if isinstance(other, int) or isinstance(other, Fraction) and other._denominator == 1:
            power = int(other)
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -power))
            return Fraction(self._denominator ** -power, self._numerator ** -power)
        if isinstance(other, (float, Fraction)):
            return float(self) ** float(other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0 and isinstance(other, int):
            return other ** self._numerator
        if isinstance(other, int):
            return Fraction(other) ** self
        if isinstance(other, float):
            return other ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    def __trunc__(self):
        return self.__int__()

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            # Halfway: to even.
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            result = _HASH_INF
        else:
            result = hash(abs(self._numerator)) * inverse % _HASH_MODULUS
        if self._numerator < 0:
            result = -result
        return -2 if result == -1 else result

    # Comparisons: exact, also with floats (but for nan and the infinities).
    def _compare(self, other):
        """(self - other)'s sign as -1, 0, 1; None when other is no number here."""
        if isinstance(other, float):
            if other != other:
                return None
            if other in (float("inf"), float("-inf")):
                return -1 if other > 0 else 1
            other = Fraction(other)
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            diff = self._numerator * other._denominator - other._numerator * self._denominator
            return (diff > 0) - (diff < 0)
        return NotImplemented

    def __eq__(self, other):
        c = self._compare(other)
        if c is NotImplemented:
            return NotImplemented
        return c == 0

    def __lt__(self, other):
        c = self._compare(other)
        if c is NotImplemented:
            return NotImplemented
        return c is not None and c < 0

    def __le__(self, other):
        c = self._compare(other)
        if c is NotImplemented:
            return NotImplemented
        return c is not None and c <= 0

    def __gt__(self, other):
        c = self._compare(other)
        if c is NotImplemented:
            return NotImplemented
        return c is not None and c > 0

    def __ge__(self, other):
        c = self._compare(other)
        if c is NotImplemented:
            return NotImplemented
        return c is not None and c >= 0

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
