"""Packing values into bytes and back, as CPython 3.11's struct does on x86-64 Linux:
pack, pack_into, unpack, unpack_from, iter_unpack, calcsize and Struct, for the
format codes x c b B ? h H i I l L q Q n N f d s p P, with a repeat count before a
code, and the byte orders @ (native sizes and alignment), =, <, > and !.

Integers go through int.to_bytes/from_bytes; floats are taken apart into sign,
exponent and mantissa with math.frexp (exactly: a double's mantissa is 53 bits) and
rounded half to even for the 4-byte 'f', so the bytes are the machine's IEEE ones.
"""

import math as _math
import operator as _operator

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


# code: (native size, standard size)
_SIZES = {
    "x": (1, 1), "c": (1, 1), "b": (1, 1), "B": (1, 1), "?": (1, 1), "h": (2, 2), "H": (2, 2),
    "i": (4, 4), "I": (4, 4), "l": (8, 4), "L": (8, 4), "q": (8, 8), "Q": (8, 8), "n": (8, 0),
    "N": (8, 0), "f": (4, 4), "d": (8, 8), "s": (1, 1), "p": (1, 1), "P": (8, 0), "e": (2, 2),
}
_SIGNED = "bhilqn"


def _parse(fmt):
    """(byte order, native, [(code, count, offset, size)], total size)."""
    if isinstance(fmt, bytes):
        fmt = fmt.decode("ascii")
    if not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not %s" % type(fmt).__name__)
    order = "@"
    i = 0
    if fmt and fmt[0] in "@=<>!":
        order = fmt[0]
        i = 1
    native = order == "@"
    little = order in "@=<"
    items = []
    offset = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c in " \t\n\r\x0b\x0c":
            i += 1
            continue
        count = None
        if c.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            i = j
            if i >= n:
                raise error("repeat count given without format specifier")
            c = fmt[i]
        if c not in _SIZES:
            raise error("bad char in struct format")
        if c == "e":
            import sys
            sys._stitch_unsupported("struct's 'e' (half-precision float) format")
        size = _SIZES[c][0] if native else _SIZES[c][1]
        if size == 0:
            raise error("bad char in struct format")
        if native and c not in "xcbB?sp" and offset % size:
            offset += size - offset % size
        if count is None:
            count = 1
        if c in "sp":
            items.append((c, count, offset, count))
            offset += count
        elif c == "x":
            offset += count
        else:
            for _ in range(count):
                items.append((c, 1, offset, size))
                offset += size
        i += 1
    return little, native, items, offset


def _int_arg(v):
    if isinstance(v, int):
        return int(v)
    try:
        return _operator.index(v)
    except TypeError:
        raise error("required argument is not an integer")


def _range_error(code, native, lo, hi):
    if native and code in "IlLqQnN" or code in "qQ":
        return error("argument out of range")
    names = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}
    if code in names:
        return error("%s format requires %d <= number <= %d" % (names[code], lo, hi))
    return error("'%s' format requires %d <= number <= %d" % (code, lo, hi))


def _float_bits(x, fmt_code):
    """The IEEE bits of x as a double ('d') or a single ('f')."""
    if fmt_code == "d":
        mbits, ebits, bias = 52, 11, 1023
    else:
        mbits, ebits, bias = 23, 8, 127
    sign = 1 if _math.copysign(1.0, x) < 0 else 0
    if x != x:
        return (sign << (mbits + ebits)) | (((1 << ebits) - 1) << mbits) | (1 << (mbits - 1))
    x = abs(x)
    if x == _math.inf:
        return (sign << (mbits + ebits)) | (((1 << ebits) - 1) << mbits)
    if x == 0.0:
        return sign << (mbits + ebits)
    m, e = _math.frexp(x)
    exponent = e - 1 + bias
    if exponent <= 0:
        # Subnormal: the mantissa counts units of the smallest one.
        mant = round(_math.ldexp(x, bias - 1 + mbits))
        # A mantissa rounded up to 1 << mbits is the smallest normal number's bits.
        bits = mant
    else:
        mant = round(_math.ldexp(m * 2.0 - 1.0, mbits))
        if mant == 1 << mbits:
            mant = 0
            exponent += 1
        if exponent >= (1 << ebits) - 1:
            raise OverflowError("float too large to pack with %s format" % fmt_code)
        bits = (exponent << mbits) | mant
    return (sign << (mbits + ebits)) | bits


def _bits_float(bits, fmt_code):
    if fmt_code == "d":
        mbits, ebits, bias = 52, 11, 1023
    else:
        mbits, ebits, bias = 23, 8, 127
    sign = -1.0 if bits >> (mbits + ebits) else 1.0
    exponent = (bits >> mbits) & ((1 << ebits) - 1)
    mant = bits & ((1 << mbits) - 1)
    if exponent == (1 << ebits) - 1:
        if mant:
            return _math.copysign(_math.nan, sign)
        return sign * _math.inf
    if exponent == 0:
        return sign * _math.ldexp(float(mant), 1 - bias - mbits)
    return sign * _math.ldexp(float(mant | (1 << mbits)), exponent - bias - mbits)


def _pack_one(code, count, size, value, little, native):
    order = "little" if little else "big"
    if code in "sp":
        if not isinstance(value, (bytes, bytearray)):
            raise error("argument for '%s' must be a bytes object" % code)
        data = bytes(value)
        if code == "p":
            if count == 0:
                return b""
            n = min(len(data), count - 1, 255)
            return bytes([n]) + data[:n] + b"\x00" * (count - 1 - n)
        return data[:count] + b"\x00" * (count - len(data[:count]))
    if code == "c":
        if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
            raise error("char format requires a bytes object of length 1")
        return bytes(value)
    if code == "?":
        return b"\x01" if value else b"\x00"
    if code in "fd":
        if not isinstance(value, (int, float)):
            # Objects with __float__ pack; strs and the like do not (float() would parse them).
            if isinstance(value, (str, bytes, bytearray, list, tuple, dict, set, type(None))):
                raise error("required argument is not a float")
            try:
                value = float(value)
            except TypeError:
                raise error("required argument is not a float")
        return _float_bits(float(value), code).to_bytes(size, order)
    v = _int_arg(value)
    if code in _SIGNED:
        lo, hi = -(1 << (size * 8 - 1)), (1 << (size * 8 - 1)) - 1
    else:
        lo, hi = 0, (1 << (size * 8)) - 1
    if v < lo or v > hi:
        raise _range_error(code, native, lo, hi)
    return v.to_bytes(size, order, signed=code in _SIGNED)


def _unpack_one(code, count, size, data, little):
    order = "little" if little else "big"
    if code == "s":
        return bytes(data)
    if code == "p":
        n = min(data[0], count - 1) if count else 0
        return bytes(data[1:1 + n])
    if code == "c":
        return bytes(data)
    if code == "?":
        return data[0] != 0
    if code in "fd":
        return _bits_float(int.from_bytes(data, order), code)
    return int.from_bytes(data, order, signed=code in _SIGNED)


class Struct:
    """A compiled format."""

    def __init__(self, format):
        self._little, self._native, self._items, self.size = _parse(format)
        self.format = format.decode("ascii") if isinstance(format, bytes) else format

    def pack(self, *values):
        if len(values) != len(self._items):
            raise error("pack expected %d items for packing (got %d)" % (len(self._items), len(values)))
        out = bytearray(self.size)
        for (code, count, offset, size), value in zip(self._items, values):
            out[offset:offset + size] = _pack_one(code, count, size, value, self._little, self._native)
        return bytes(out)

    def pack_into(self, buffer, offset, *values):
        data = self.pack(*values)
        if offset < 0:
            offset += len(buffer)
        if offset < 0 or offset + self.size > len(buffer):
            raise error("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d "
                        "(actual buffer size is %d)" % (self.size + offset, self.size, offset, len(buffer)))
        buffer[offset:offset + self.size] = data

    def unpack(self, buffer):
        data = bytes(buffer)
        if len(data) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return self._unpack_at(data, 0)

    def unpack_from(self, buffer, offset=0):
        data = bytes(buffer)
        if offset < 0:
            offset += len(data)
        if offset < 0 or len(data) - offset < self.size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d "
                        "(actual buffer size is %d)" % (self.size + offset, self.size, offset, len(data)))
        return self._unpack_at(data, offset)

    def iter_unpack(self, buffer):
        data = bytes(buffer)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % self.size)
        return (self._unpack_at(data, start) for start in range(0, len(data), self.size))

    def _unpack_at(self, data, base):
        out = []
        for code, count, offset, size in self._items:
            start = base + offset
            out.append(_unpack_one(code, count, size, data[start:start + size], self._little))
        return tuple(out)


_cache = {}


def _struct(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = Struct(fmt)
        _cache[fmt] = s
    return s


def calcsize(format):
    return _struct(format).size


def pack(format, *values):
    return _struct(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    return _struct(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    return _struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct(format).iter_unpack(buffer)
