"""Dates and times as CPython 3.11's datetime module has them, for naive values:
timedelta, date, datetime and time, with CPython's normalisation, arithmetic,
comparisons, printed forms, error messages, strftime/strptime for the common
directives and the ISO formats. Local time is the machine's (the C library's
localtime, through the native time module). Aware values (tzinfo, timezone other
than naming timezone.utc) are refused."""

import sys as _sys
import time as _time

__all__ = ["date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR"]

MINYEAR = 1
MAXYEAR = 9999

# Days before each month in a common year; index 0 is unused.
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
# Days in 400, 100, 4 and 1 Gregorian years.
_DAYS_400Y = 146097
_DAYS_100Y = 36524
_DAYS_4Y = 1461
_US_PER_DAY = 86400 * 1000000
# The ordinal of 9999-12-31.
_MAX_ORDINAL = 3652059


def _refuse(what):
    _sys._stitch_unsupported(what)


def _name(x):
    """The type name CPython's messages give: the module's classes carry 'datetime.'."""
    t = type(x)
    if t.__module__ == "datetime":
        return "datetime." + t.__name__
    return t.__name__


def _binop_error(op, a, b):
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, _name(a), _name(b)))


def _order_error(op, a, b):
    return TypeError("'%s' not supported between instances of '%s' and '%s'" % (op, _name(a), _name(b)))


def _ours(x):
    """Whether a failed operation with x is ours to report (a builtin value or one of
    this module's), rather than left to x's reflected method."""
    return type(x).__module__ in ("builtins", "datetime")


def _check_no_tz(tz):
    if tz is not None:
        _refuse("aware datetime values (a tzinfo argument to the datetime module)")


# The default of the arguments CPython requires (it names the one left out).
_ABSENT = object()


def _require(values, names):
    """CPython's TypeError for the first required argument left out."""
    for i, v in enumerate(values):
        if v is _ABSENT:
            raise TypeError("function missing required argument '%s' (pos %d)" % (names[i], i + 1))


def _index(x):
    if isinstance(x, int):
        return int(x)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _days_before_year(y):
    """Days from 0001-01-01 to the first day of year y."""
    p = y - 1
    return p * 365 + p // 4 - p // 100 + p // 400


def _days_before_month(y, m):
    n = 0
    for k in range(1, m):
        n += _DAYS_IN_MONTH[k]
    if m > 2 and _is_leap(y):
        n += 1
    return n


def _to_ordinal(y, m, d):
    return _days_before_year(y) + _days_before_month(y, m) + d


def _from_ordinal(n):
    """(year, month, day) of the proleptic Gregorian ordinal n (1 is 0001-01-01)."""
    left = n - 1
    cycles, left = divmod(left, _DAYS_400Y)
    year = cycles * 400 + 1
    centuries, left = divmod(left, _DAYS_100Y)
    quads, left = divmod(left, _DAYS_4Y)
    singles, left = divmod(left, 365)
    year += centuries * 100 + quads * 4 + singles
    # The last day of a 400-year or 4-year cycle lands one past the end.
    if singles == 4 or centuries == 4:
        return year - 1, 12, 31
    month = 1
    while True:
        dim = _days_in_month(year, month)
        if left < dim:
            return year, month, left + 1
        left -= dim
        month += 1


def _check_date(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond


def _round_half_even(num, den):
    """num / den rounded to the nearest int, ties to even (den may be negative)."""
    if den < 0:
        num, den = -num, -den
    q, r = divmod(num, den)
    twice = 2 * r
    if twice > den or (twice == den and q % 2 == 1):
        q += 1
    return q


def _ratio(x):
    """x (int or float) as an exact (numerator, denominator)."""
    if isinstance(x, float):
        return x.as_integer_ratio()
    return x, 1


def _wrong_arg(name, x):
    return TypeError("unsupported type for timedelta %s component: %s" % (name, type(x).__name__))


class _Ordered:
    """The four orderings, from a class's `_cmp(other, op)`: negative, zero or
    positive, or None for an operand it does not know (then NotImplemented)."""

    def __lt__(self, other):
        c = self._cmp(other, "<")
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._cmp(other, "<=")
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._cmp(other, ">")
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._cmp(other, ">=")
        return NotImplemented if c is None else c >= 0


class timedelta(_Ordered):
    """A duration: days, seconds (0..86399) and microseconds (0..999999), the days
    carrying the sign."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # Every part is summed exactly in microseconds (floats by their exact ratio)
        # and rounded once, ties to even.
        units = (("days", days, _US_PER_DAY), ("seconds", seconds, 1000000),
                 ("microseconds", microseconds, 1), ("milliseconds", milliseconds, 1000),
                 ("minutes", minutes, 60000000), ("hours", hours, 3600000000),
                 ("weeks", weeks, 7 * _US_PER_DAY))
        num, den = 0, 1
        for name, value, scale in units:
            if isinstance(value, float):
                if value != value or value in (float("inf"), float("-inf")):
                    raise ValueError("cannot convert float %s to integer" % value)
                a, b = value.as_integer_ratio()
                num = num * b + a * scale * den
                den *= b
            elif isinstance(value, int):
                num += value * scale * den
            else:
                raise _wrong_arg(name, value)
        self._set(_round_half_even(num, den))

    def _set(self, us):
        d, rest = divmod(us, _US_PER_DAY)
        if not -999999999 <= d <= 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        s, u = divmod(rest, 1000000)
        self._days, self._seconds, self._microseconds = d, s, u

    @classmethod
    def _from_us(cls, us):
        td = object.__new__(timedelta)
        td._set(us)
        return td

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._us() / 1000000

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        return "datetime.timedelta(%s)" % (", ".join(parts) if parts else "0")

    def __str__(self):
        m, s = divmod(self._seconds, 60)
        h, m = divmod(m, 60)
        text = "%d:%02d:%02d" % (h, m, s)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = "%d day%s, %s" % (self._days, plural, text)
        return text

    def __format__(self, spec):
        if spec:
            raise TypeError("unsupported format string passed to datetime.timedelta.__format__")
        return str(self)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() + other._us())
        if isinstance(other, date):
            return other.__add__(self)
        if _ours(other):
            raise _binop_error("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if _ours(other):
            raise _binop_error("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() - other._us())
        if _ours(other):
            raise _binop_error("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _ours(other):
            raise _binop_error("-", other, self)
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_us(_round_half_even(self._us() * a, b))
        if isinstance(other, (str, list, tuple, bytes)):
            # The sequence's repetition is tried last, and refuses a non-int.
            raise TypeError("can't multiply sequence by non-int of type 'datetime.timedelta'")
        if _ours(other):
            raise _binop_error("*", self, other)
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, (int, float, str, list, tuple, bytes)):
            return self.__mul__(other)
        if _ours(other):
            raise _binop_error("*", other, self)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError("division by zero")
            return self._us() / other._us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(_round_half_even(self._us(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(_round_half_even(self._us() * b, a))
        if _ours(other):
            raise _binop_error("/", self, other)
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._us() // other._us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(self._us() // other)
        if _ours(other):
            raise _binop_error("//", self, other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return timedelta._from_us(self._us() % other._us())
        if _ours(other):
            raise _binop_error("%", self, other)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._us(), other._us())
            return q, timedelta._from_us(r)
        if _ours(other):
            raise _binop_error("divmod()", self, other)
        return NotImplemented

    def _cmp(self, other, op):
        if isinstance(other, timedelta):
            return self._us() - other._us()
        if _ours(other):
            raise _order_error(op, self, other)
        return None

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __hash__(self):
        return hash(("timedelta", self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo:
    """The base of time zones; stitch's datetime values are naive, so a tzinfo
    given to them is refused."""


class timezone(tzinfo):
    """Fixed-offset time zones: only the name timezone.utc exists; using it (or
    making another) is refused."""

    def __init__(self, offset, name=None):
        _refuse("datetime.timezone (aware datetime values)")

    def __repr__(self):
        return "datetime.timezone.utc"

    def __str__(self):
        return "UTC"


timezone.utc = object.__new__(timezone)


class IsoCalendarDate(tuple):
    """(year, week, weekday) of the ISO calendar, with names for its fields."""

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % (self[0], self[1], self[2])


def _iso_week1_monday(year):
    """The ordinal of the Monday of ISO week 1 of year (the week holding January 4)."""
    jan4 = _to_ordinal(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _parse_digits(text, start, count):
    """The int of count ASCII digits at text[start:], or None."""
    part = text[start:start + count]
    if len(part) != count:
        return None
    for ch in part:
        if ch not in "0123456789":
            return None
    return int(part)


def _parse_iso_date(text):
    """(y, m, d) of YYYY-MM-DD, YYYYMMDD, YYYY-Www-D or YYYYWwwD, or None."""
    y = _parse_digits(text, 0, 4)
    if y is None:
        return None
    rest = text[4:]
    dashed = rest[:1] == "-"
    if dashed:
        rest = rest[1:]
    if rest[:1] == "W":
        w = _parse_digits(rest, 1, 2)
        tail = rest[3:]
        if dashed and tail[:1] == "-":
            tail = tail[1:]
        elif dashed and tail:
            return None
        wd = 1
        if tail:
            wd = _parse_digits(tail, 0, 1)
            if wd is None or len(tail) != 1:
                return None
        if w is None:
            return None
        return date._iso_to_ymd(y, w, wd)
    if dashed:
        if len(rest) != 5 or rest[2] != "-":
            return None
        m, d = _parse_digits(rest, 0, 2), _parse_digits(rest, 3, 2)
    else:
        if len(rest) != 4:
            return None
        m, d = _parse_digits(rest, 0, 2), _parse_digits(rest, 2, 2)
    if m is None or d is None:
        return None
    return y, m, d


def _parse_iso_time(text):
    """(h, m, s, us) of HH[:MM[:SS[.f...]]] or HH[MM[SS[.f...]]], or None."""
    if text[-1:] == "Z" or "+" in text or "-" in text:
        _refuse("an ISO time with a UTC offset (aware datetime values)")
    main, dot, frac = text.partition(".")
    if not dot:
        main, dot, frac = text.partition(",")
    fields = []
    pos = 0
    colons = ":" in main
    while pos < len(main):
        if fields and colons:
            if main[pos] != ":":
                return None
            pos += 1
        v = _parse_digits(main, pos, 2)
        if v is None:
            return None
        fields.append(v)
        pos += 2
    if not fields or len(fields) > 3:
        return None
    us = 0
    if dot:
        if len(fields) != 3 or not frac:
            return None
        for ch in frac:
            if ch not in "0123456789":
                return None
        us = int((frac + "00000")[:6])
    while len(fields) < 3:
        fields.append(0)
    return fields[0], fields[1], fields[2], us


class date(_Ordered):
    """A day of the proleptic Gregorian calendar."""

    def __init__(self, year=_ABSENT, month=_ABSENT, day=_ABSENT):
        _require((year, month, day), ("year", "month", "day"))
        self._year, self._month, self._day = _check_date(year, month, day)

    @classmethod
    def _make(cls, y, m, d):
        obj = object.__new__(cls)
        obj._year, obj._month, obj._day = y, m, d
        return obj

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, _, _, _, _ = _local_fields(t)
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAX_ORDINAL:
            raise ValueError("year %d is out of range" % _from_ordinal(n)[0])
        y, m, d = _from_ordinal(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        ymd = _parse_iso_date(text) if len(text) in (7, 8, 10) else None
        if ymd is None:
            raise ValueError("Invalid isoformat string: %r" % text)
        return cls(*ymd)

    @staticmethod
    def _iso_to_ymd(year, week, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        last_week = 52
        jan1_weekday = (_to_ordinal(year, 1, 1) + 6) % 7
        if jan1_weekday == 3 or (jan1_weekday == 2 and _is_leap(year)):
            last_week = 53
        if not 1 <= week <= last_week:
            raise ValueError("Invalid week: %d" % week)
        if not 1 <= day <= 7:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        return _from_ordinal(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*date._iso_to_ymd(_index(year), _index(week), _index(day)))

    def toordinal(self):
        return _to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        n = self.toordinal()
        # The ISO year is the year of this week's Thursday.
        thursday = n - (n + 6) % 7 + 3
        year = _from_ordinal(thursday)[0]
        week = (thursday - _to_ordinal(year, 1, 1)) // 7 + 1
        return IsoCalendarDate(year, week, self.isoweekday())

    def timetuple(self):
        _refuse("date.timetuple() (time.struct_time)")

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (self.__class__.__module__, self.__class__.__qualname__,
                                      self._year, self._month, self._day)

    def ctime(self):
        return self.strftime("%c")

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
        return _strftime(self, fmt)

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError("must be str, not %s" % type(spec).__name__)
        if spec:
            return self.strftime(spec)
        return str(self)

    def _fields(self):
        """(year, month, day, hour, minute, second, microsecond)."""
        return self._year, self._month, self._day, 0, 0, 0, 0

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 1 <= n <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            return type(self)._make(*_from_ordinal(n))
        if _ours(other):
            raise _binop_error("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        if _ours(other):
            raise _binop_error("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(-other)
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        if _ours(other):
            raise _binop_error("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _ours(other):
            raise _binop_error("-", other, self)
        return NotImplemented

    def _comparable(self, other):
        # A datetime and a date are not ordered against each other.
        return isinstance(other, date) and isinstance(other, datetime) == isinstance(self, datetime)

    def _cmp(self, other, op):
        if self._comparable(other):
            a, b = self._fields(), other._fields()
            return (a > b) - (a < b)
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (_name(self), _name(other)))
        if _ours(other):
            raise _order_error(op, self, other)
        return None

    def __eq__(self, other):
        if self._comparable(other):
            return self._fields() == other._fields()
        if isinstance(other, date):
            return False
        return NotImplemented

    def __hash__(self):
        return hash(self._fields())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class time(_Ordered):
    """A time of day, naive."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_no_tz(tzinfo)
        self._hour, self._minute, self._second, self._microsecond = _check_time(hour, minute, second,
                                                                                microsecond, fold)
        self._fold = fold

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return None

    @property
    def fold(self):
        return self._fold

    def _fields(self):
        return self._hour, self._minute, self._second, self._microsecond

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        t = _parse_iso_time(text[1:] if text[:1] == "T" else text) if text else None
        if t is None:
            raise ValueError("Invalid isoformat string: %r" % text)
        return cls(*t)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        if tzinfo is not True:
            _check_no_tz(tzinfo)
        h, m, s, us = self._fields()
        return type(self)(h if hour is None else hour, m if minute is None else minute,
                          s if second is None else second, us if microsecond is None else microsecond,
                          fold=self._fold if fold is None else fold)

    def isoformat(self, timespec="auto"):
        return _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "%s.%s(%s)" % (self.__class__.__module__, self.__class__.__qualname__,
                              _time_args(self._hour, self._minute, self._second, self._microsecond))

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
        return _strftime(datetime(1900, 1, 1, *self._fields()), fmt)

    def __format__(self, spec):
        if spec:
            return self.strftime(spec)
        return str(self)

    def _cmp(self, other, op):
        if isinstance(other, time):
            a, b = self._fields(), other._fields()
            return (a > b) - (a < b)
        if _ours(other):
            raise _order_error(op, self, other)
        return None

    def __eq__(self, other):
        if isinstance(other, time):
            return self._fields() == other._fields()
        return NotImplemented

    def __hash__(self):
        return hash(("time",) + self._fields())

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)
_time_class = time


def _time_args(h, m, s, us):
    if us:
        return "%d, %d, %d, %d" % (h, m, s, us)
    if s:
        return "%d, %d, %d" % (h, m, s)
    return "%d, %d" % (h, m)


def _format_time(h, m, s, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, m)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, m, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, m, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, m, s, us)
    raise ValueError("Unknown timespec value")


def _split_timestamp(t):
    """(whole seconds, microseconds) of a POSIX timestamp, microseconds rounded half
    to even."""
    if isinstance(t, float):
        if t != t or t in (float("inf"), float("-inf")):
            raise ValueError("Invalid value %s" % t)
        a, b = t.as_integer_ratio()
        us = _round_half_even(a * 1000000, b)
    elif isinstance(t, int):
        us = t * 1000000
    else:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
    return divmod(us, 1000000)


def _utc_fields(secs, us):
    days, rest = divmod(secs, 86400)
    n = days + _to_ordinal(1970, 1, 1)
    if not 1 <= n <= _MAX_ORDINAL:
        raise ValueError("year is out of range")
    y, m, d = _from_ordinal(n)
    hh, rest = divmod(rest, 3600)
    mm, ss = divmod(rest, 60)
    return y, m, d, hh, mm, ss, us


def _local_fields(t):
    secs, us = _split_timestamp(t)
    return _utc_fields(secs + _time._stitch_utcoffset(secs), us)


class datetime(date):
    """A date and a time of day, naive."""

    def __init__(self, year=_ABSENT, month=_ABSENT, day=_ABSENT, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                 *, fold=0):
        _require((year, month, day), ("year", "month", "day"))
        _check_no_tz(tzinfo)
        self._year, self._month, self._day = _check_date(year, month, day)
        self._hour, self._minute, self._second, self._microsecond = _check_time(hour, minute, second,
                                                                                microsecond, fold)
        self._fold = fold

    @classmethod
    def _make(cls, y, m, d, hh=0, mm=0, ss=0, us=0):
        obj = object.__new__(cls)
        obj._year, obj._month, obj._day = y, m, d
        obj._hour, obj._minute, obj._second, obj._microsecond = hh, mm, ss, us
        obj._fold = 0
        return obj

    # (Through another name: this body's own `time` method makes `time` local here.)
    hour = _time_class.hour
    minute = _time_class.minute
    second = _time_class.second
    microsecond = _time_class.microsecond
    tzinfo = _time_class.tzinfo
    fold = _time_class.fold

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    @classmethod
    def now(cls, tz=None):
        _check_no_tz(tz)
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_no_tz(tz)
        return cls(*_local_fields(t))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls(*_utc_fields(*_split_timestamp(t)))

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        if not isinstance(d, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % type(d).__name__)
        if not isinstance(t, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % type(t).__name__)
        if tzinfo is not True:
            _check_no_tz(tzinfo)
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        fields = None
        # The date part is 10 characters (YYYY-MM-DD), 8 (YYYYMMDD or YYYYWwwD) or 7
        # (YYYYWww); whatever single character follows separates the time.
        for size in (10, 8, 7):
            ymd = _parse_iso_date(text[:size]) if len(text) >= size else None
            if ymd is None:
                continue
            if len(text) == size:
                fields = ymd + (0, 0, 0, 0)
            elif len(text) > size + 1:
                t = _parse_iso_time(text[size + 1:])
                if t is not None:
                    fields = ymd + t
            break
        if fields is None:
            raise ValueError("Invalid isoformat string: %r" % text)
        return cls(*fields)

    @classmethod
    def strptime(cls, text, fmt):
        return cls(*_strptime(text, fmt))

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return self.time()

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        if tzinfo is not True:
            _check_no_tz(tzinfo)
        new = list(self._fields())
        for i, v in enumerate((year, month, day, hour, minute, second, microsecond)):
            if v is not None:
                new[i] = v
        return type(self)(*new, fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        _refuse("datetime.astimezone() (aware datetime values)")

    def utcoffset(self):
        return None

    def tzname(self):
        return None

    def dst(self):
        return None

    def timestamp(self):
        """Seconds since the epoch of this local time: the UTC offset in force then is
        found by asking the C library about a first guess, then about its correction."""
        local = (self.toordinal() - _to_ordinal(1970, 1, 1)) * 86400 + self._hour * 3600 \
            + self._minute * 60 + self._second
        guess = local - _time._stitch_utcoffset(local)
        guess = local - _time._stitch_utcoffset(guess)
        return guess + self._microsecond / 1000000

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % type(sep).__name__)
        return "%04d-%02d-%02d%s%s" % (self._year, self._month, self._day, sep,
                                       _format_time(self._hour, self._minute, self._second,
                                                    self._microsecond, timespec))

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        return "%s.%s(%d, %d, %d, %s)" % (self.__class__.__module__, self.__class__.__qualname__,
                                          self._year, self._month, self._day,
                                          _time_args(self._hour, self._minute, self._second,
                                                     self._microsecond))

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
                  * 1000000 + self._microsecond + other._us())
            secs, us = divmod(us, 1000000)
            days, rest = divmod(secs, 86400)
            if not 1 <= days <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            hh, rest = divmod(rest, 3600)
            mm, ss = divmod(rest, 60)
            return type(self)._make(*(_from_ordinal(days) + (hh, mm, ss, us)))
        if _ours(other):
            raise _binop_error("+", self, other)
        return NotImplemented

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
                * 1000000 + self._microsecond)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(-other)
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        if _ours(other):
            raise _binop_error("-", self, other)
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_time_class = time


# strftime: the directives and what each prints of the fields
# (year, month, day, hour, minute, second, microsecond) and the date.

def _strftime(d, fmt):
    y, mo, day, hh, mi, ss, us = d._fields()
    wd = (_to_ordinal(y, mo, day) + 6) % 7
    yday = _days_before_month(y, mo) + day
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != "%" or i + 1 == n:
            out.append(ch)
            i += 1
            continue
        c = fmt[i + 1]
        i += 2
        if c == "Y":
            out.append(str(y))
        elif c == "m":
            out.append("%02d" % mo)
        elif c == "d":
            out.append("%02d" % day)
        elif c == "e":
            out.append("%2d" % day)
        elif c == "H":
            out.append("%02d" % hh)
        elif c == "M":
            out.append("%02d" % mi)
        elif c == "S":
            out.append("%02d" % ss)
        elif c == "f":
            out.append("%06d" % us)
        elif c == "j":
            out.append("%03d" % yday)
        elif c == "a":
            out.append(_DAY_NAMES[wd][:3])
        elif c == "A":
            out.append(_DAY_NAMES[wd])
        elif c == "b" or c == "h":
            out.append(_MONTH_NAMES[mo][:3])
        elif c == "B":
            out.append(_MONTH_NAMES[mo])
        elif c == "y":
            out.append("%02d" % (y % 100))
        elif c == "p":
            out.append("AM" if hh < 12 else "PM")
        elif c == "I":
            out.append("%02d" % ((hh + 11) % 12 + 1))
        elif c == "%":
            out.append("%")
        elif c == "U":
            # Weeks starting on Sunday; days before the year's first Sunday are week 0.
            out.append("%02d" % ((yday - 1 + 7 - (wd + 1) % 7) // 7))
        elif c == "W":
            out.append("%02d" % ((yday - 1 + 7 - wd) // 7))
        elif c == "u":
            out.append(str(wd + 1))
        elif c == "w":
            out.append(str((wd + 1) % 7))
        elif c == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAY_NAMES[wd][:3], _MONTH_NAMES[mo][:3], day,
                                                      hh, mi, ss, y))
        elif c == "x":
            out.append("%02d/%02d/%02d" % (mo, day, y % 100))
        elif c == "X":
            out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif c == "D":
            out.append("%02d/%02d/%02d" % (mo, day, y % 100))
        elif c == "F":
            out.append("%d-%02d-%02d" % (y, mo, day))
        elif c == "T":
            out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif c == "R":
            out.append("%02d:%02d" % (hh, mi))
        elif c == "G" or c == "V" or c == "g":
            iso = date._make(y, mo, day).isocalendar()
            out.append(str(iso[0]) if c == "G" else "%02d" % (iso[1] if c == "V" else iso[0] % 100))
        elif c == "z" or c == "Z":
            out.append("")
        elif c == "n":
            out.append("\n")
        elif c == "t":
            out.append("\t")
        else:
            _refuse("the strftime directive %%%s" % c)
    return "".join(out)


# strptime: each directive's pattern (alternatives longest first, as the C
# library's parser would take them) and the field it sets.

_NUM = {
    "d": r"3[01]|[12]\d|0[1-9]|[1-9]| [1-9]",
    "m": r"1[0-2]|0[1-9]|[1-9]",
    "Y": r"\d\d\d\d",
    "y": r"\d\d",
    "H": r"2[0-3]|[0-1]\d|\d",
    "I": r"1[0-2]|0[1-9]|[1-9]",
    "M": r"[0-5]\d|\d",
    "S": r"6[0-1]|[0-5]\d|\d",
    "f": r"[0-9]{1,6}",
    "j": r"36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]",
    "U": r"5[0-3]|[0-4]\d|\d",
    "W": r"5[0-3]|[0-4]\d|\d",
    "w": r"[0-6]",
    "u": r"[1-7]",
}


def _names_pattern(names):
    return "|".join(sorted((n.lower() for n in names), key=len, reverse=True))


def _strptime_regex(fmt):
    import re
    parts = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "%" and i + 1 < n:
            c = fmt[i + 1]
            i += 2
            if c in _NUM:
                parts.append("(?P<%s>%s)" % (c, _NUM[c]))
            elif c == "a":
                parts.append("(?P<a>%s)" % _names_pattern([d[:3] for d in _DAY_NAMES]))
            elif c == "A":
                parts.append("(?P<A>%s)" % _names_pattern(_DAY_NAMES))
            elif c == "b":
                parts.append("(?P<b>%s)" % _names_pattern([m[:3] for m in _MONTH_NAMES[1:]]))
            elif c == "B":
                parts.append("(?P<B>%s)" % _names_pattern(_MONTH_NAMES[1:]))
            elif c == "p":
                parts.append("(?P<p>am|pm)")
            elif c == "%":
                parts.append("%")
            elif c in "zZcxXGVg":
                _refuse("the strptime directive %%%s" % c)
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (c, fmt))
        elif ch == "%":
            raise ValueError("stray %% in format '%s'" % fmt)
        elif ch.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
            i += 1
    return re.compile("".join(parts), re.IGNORECASE)


def _strptime(text, fmt):
    for arg in (text, fmt):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (1 if arg is text else 2, type(arg).__name__))
    found = _strptime_regex(fmt).match(text)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (text, fmt))
    if len(text) != found.end():
        raise ValueError("unconverted data remains: %s" % text[found.end():])
    g = {k: v for k, v in found.groupdict().items() if v is not None}
    year, month, day, hour, minute, second, us = 1900, 1, 1, 0, 0, 0, 0
    if "Y" in g:
        year = int(g["Y"])
    elif "y" in g:
        yy = int(g["y"])
        year = yy + (2000 if yy < 69 else 1900)
    if "m" in g:
        month = int(g["m"])
    elif "B" in g:
        month = [m.lower() for m in _MONTH_NAMES].index(g["B"].lower())
    elif "b" in g:
        month = [m[:3].lower() for m in _MONTH_NAMES].index(g["b"].lower())
    if "d" in g:
        day = int(g["d"])
    if "H" in g:
        hour = int(g["H"])
    elif "I" in g:
        hour = int(g["I"]) % 12
        if g.get("p", "am").lower() == "pm":
            hour += 12
    if "M" in g:
        minute = int(g["M"])
    if "S" in g:
        second = int(g["S"])
    if "f" in g:
        us = int((g["f"] + "00000")[:6])
    if "j" in g and "m" not in g and "b" not in g and "B" not in g and "d" not in g:
        year, month, day = _from_ordinal(_to_ordinal(year, 1, 1) + int(g["j"]) - 1)
    if "U" in g or "W" in g or "w" in g or "u" in g:
        _refuse("strptime of week numbers and weekday numbers")
    return year, month, day, hour, minute, second, us
