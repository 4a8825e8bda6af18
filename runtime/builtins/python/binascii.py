"""Conversions between bytes and ASCII encodings, as CPython 3.11's binascii has them:
hexlify/b2a_hex, unhexlify/a2b_hex, b2a_base64, a2b_base64 (lenient, or strict_mode),
crc32, and the Error and Incomplete exceptions. CPython writes this module in C; here
it is Python over bytes, and its frames stay out of tracebacks as C's do.
"""

__all__ = ["Error", "Incomplete", "hexlify", "unhexlify", "b2a_hex", "a2b_hex", "b2a_base64", "a2b_base64",
           "crc32"]


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUES = {}
for _i, _c in enumerate(_B64):
    _B64_VALUES[_c] = _i


def _bytes_like(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_data(data):
    # The a2b_* functions take ASCII strs too.
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'" % type(data).__name__)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bytes_like(data)
    if sep is None:
        return data.hex().encode("ascii")
    if isinstance(sep, bytes):
        sep = sep.decode("ascii")
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    pairs = [data[i:i + 1].hex() for i in range(len(data))]
    k = abs(bytes_per_sep)
    if k == 0 or len(pairs) <= k:
        return "".join(pairs).encode("ascii")
    # Groups of k bytes counted from the right (a positive count) or the left.
    groups = []
    if bytes_per_sep > 0:
        first = len(pairs) % k
        if first:
            groups.append("".join(pairs[:first]))
        for i in range(first, len(pairs), k):
            groups.append("".join(pairs[i:i + k]))
    else:
        for i in range(0, len(pairs), k):
            groups.append("".join(pairs[i:i + k]))
    return sep.join(groups).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    data = _ascii_data(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    digits = b"0123456789abcdefABCDEF"
    for c in data:
        if c not in digits:
            raise Error("Non-hexadecimal digit found")
    return bytes.fromhex(data.decode("ascii"))


a2b_hex = unhexlify


def b2a_base64(data, *, newline=True):
    data = _bytes_like(data)
    out = bytearray()
    n = len(data)
    i = 0
    while i + 3 <= n:
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(_B64[v >> 18])
        out.append(_B64[(v >> 12) & 63])
        out.append(_B64[(v >> 6) & 63])
        out.append(_B64[v & 63])
        i += 3
    rest = n - i
    if rest == 1:
        v = data[i] << 16
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63]]) + b"=="
    elif rest == 2:
        v = (data[i] << 16) | (data[i + 1] << 8)
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63]]) + b"="
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _ascii_data(data)
    out = bytearray()
    quad = 0
    left = 0
    pads = 0
    padding_started = False
    n = len(data)
    if strict_mode and n > 0 and data[0] == 61:
        raise Error("Leading padding not allowed")
    for i in range(n):
        c = data[i]
        if c == 61:
            padding_started = True
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64_VALUES.get(c)
        if v is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad == 0:
            quad = 1
            left = v
        elif quad == 1:
            quad = 2
            out.append(((left << 2) | (v >> 4)) & 255)
            left = v & 15
        elif quad == 2:
            quad = 3
            out.append(((left << 4) | (v >> 2)) & 255)
            left = v & 3
        else:
            quad = 0
            out.append(((left << 6) | v) & 255)
            left = 0
    if quad == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a "
                    "multiple of 4" % (len(out) // 3 * 4 + 1))
    if quad != 0:
        raise Error("Incorrect padding")
    return bytes(out)


_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (0xEDB88320 ^ (_c >> 1)) if _c & 1 else (_c >> 1)
    _CRC_TABLE.append(_c)


def crc32(data, crc=0):
    data = _bytes_like(data)
    crc = ~crc & 0xFFFFFFFF
    table = _CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF
