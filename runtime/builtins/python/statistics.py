"""Descriptive statistics, as CPython 3.11's statistics module computes them: sums
and sums of squares are exact (rationals), converted once to the data's type, and the
standard deviations are correctly rounded square roots of the exact variance."""

import math as _math
from collections import Counter as _Counter
from fractions import Fraction as _Fraction

__all__ = ["StatisticsError", "mean", "fmean", "median", "median_low", "median_high",
           "mode", "multimode", "variance", "pvariance", "stdev", "pstdev"]


class StatisticsError(ValueError):
    pass


def _exact_ratio(x):
    """(numerator, denominator) of x; (x, None) for a float nan or infinity."""
    if isinstance(x, int):
        return (int(x), 1)
    if isinstance(x, float):
        if _math.isfinite(x):
            return x.as_integer_ratio()
        return (x, None)
    if isinstance(x, _Fraction):
        return (x.numerator, x.denominator)
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _coerce(t, s):
    """The common type of two data types, as CPython's statistics coerces them."""
    if t is s:
        return t
    if s is int or s is bool:
        return t
    if t is int:
        return s
    if issubclass(s, t):
        return s
    if issubclass(t, s):
        return t
    if issubclass(t, int):
        return s
    if issubclass(s, int):
        return t
    if issubclass(t, _Fraction) and issubclass(s, float):
        return s
    if issubclass(t, float) and issubclass(s, _Fraction):
        return t
    raise TypeError("don't know how to coerce %s and %s" % (t.__name__, s.__name__))


def _sum(data):
    """(type, exact total, count): the total a Fraction, or a float nan/infinity."""
    count = 0
    t = int
    partials = {}
    special = None
    for x in data:
        t = _coerce(t, type(x))
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
        else:
            partials[d] = partials.get(d, 0) + n
    if special is not None:
        return (t, special, count)
    total = _Fraction(0)
    for d, n in partials.items():
        total += _Fraction(n, d)
    return (t, total, count)


def _convert(value, t):
    """The exact value as the data's type (a non-integral value of int data as float)."""
    if type(value) is t:
        return value
    if issubclass(t, int) and value.denominator != 1:
        t = float
    return t(value)


def mean(data):
    t, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, t)


def fmean(data, weights=None):
    if weights is not None:
        _sys_unsupported("statistics.fmean() with weights")
    values = list(data)
    n = len(values)
    if not n:
        raise StatisticsError("fmean requires at least one data point")
    return _math.fsum(values) / n


def _sys_unsupported(what):
    import sys
    sys._stitch_unsupported(what)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def mode(data):
    pairs = _Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError("no mode for empty data")
    return pairs[0][0]


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def _ss(data, c=None):
    """(type, exact sum of squared deviations, mean, count)."""
    if c is not None:
        t, ssd, count = _sum((x - c) * (x - c) for x in data)
        return (t, ssd, c, count)
    t = int
    count = 0
    sx = {}
    sxx = {}
    special = None
    for x in data:
        t = _coerce(t, type(x))
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
            continue
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        return (t, _Fraction(0), _Fraction(0), 0)
    if special is not None:
        return (t, special, special, count)
    total = _Fraction(0)
    for d, n in sx.items():
        total += _Fraction(n, d)
    squares = _Fraction(0)
    for d, n in sxx.items():
        squares += _Fraction(n, d * d)
    # Exact in rationals, so the cancellation that spoils it for floats is harmless.
    return (t, (count * squares - total * total) / count, total / count, count)


def variance(data, xbar=None):
    t, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), t)


def pvariance(data, mu=None):
    t, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, t)


def _isqrt_frac_round_to_odd(n, m):
    """isqrt(n/m), its last bit set when inexact (rounding to odd)."""
    a = _math.isqrt(n // m)
    return a | (a * a * m != n)


# Twice a float's 53-bit significand, plus 3 bits: enough that one final rounding of
# the round-to-odd root is a correct rounding of the true root.
_SQRT_BITS = 109


def _float_sqrt_of_frac(n, m):
    """sqrt(n/m) as a float, correctly rounded."""
    q = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        return (_isqrt_frac_round_to_odd(n, m << 2 * q) << q) / 1
    return _isqrt_frac_round_to_odd(n << -2 * q, m) / (1 << -q)


def _sqrt(mss):
    if isinstance(mss, float):
        return _math.sqrt(mss)
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def stdev(data, xbar=None):
    t, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt(ss / (n - 1))


def pstdev(data, mu=None):
    t, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt(ss / n)
