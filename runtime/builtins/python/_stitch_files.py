"""The builtin open() and its file objects, over the native posix module's
descriptors. CPython's are C (`_io`), so tracebacks leave this module's frames out.

Writes go to the system at once (no buffer is held), so whatever a program wrote is
in the file however it ends. Reading takes the rest of the file at the first read and
serves reads from that; a write, seek or close drops it. Text is UTF-8 (the names of
other encodings are refused), read with CPython's universal newlines by default
(`\\r\\n` and `\\r` read as `\\n`), or with `newline=''` or `'\\n'`.
"""

import sys as _sys
import posix as _posix

_UTF8_NAMES = ("utf-8", "utf8", "utf_8", "u8", "utf")
_KNOWN_ENCODINGS = _UTF8_NAMES + ("ascii", "latin-1", "latin1", "iso-8859-1", "utf-16", "utf-32", "cp1252")


class UnsupportedOperation(OSError):
    """io.UnsupportedOperation (CPython's derives from ValueError too)."""

    __module__ = "io"


def _parse_mode(mode):
    """(reading, writing, appending, creating, updating, binary) of a mode string, with
    CPython's ValueErrors."""
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    seen = ""
    for c in mode:
        if c not in "rwaxb+t" or c in seen:
            raise ValueError("invalid mode: '" + mode + "'")
        seen += c
    kinds = sum(1 for c in "rwax" if c in mode)
    if "b" in mode and "t" in mode:
        raise ValueError("can't have text and binary mode at once")
    if kinds != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    return ("r" in mode, "w" in mode, "a" in mode, "x" in mode, "+" in mode, "b" in mode)


class _File:
    """What binary and text files share: the descriptor, the read-ahead and closing."""

    def _setup(self, name, fd, readable, writable, appending):
        self.name = name
        self._fd = fd
        self._readable = readable
        self._writable = writable
        self._appending = appending
        self._closed = False
        # The rest of the file from `_base`, read at the first read; `_at` indexes it.
        self._data = None
        self._base = 0
        self._at = 0

    @property
    def closed(self):
        return self._closed

    def _check_open(self, what=None):
        if self._closed:
            raise ValueError(self._closed_message(what))

    def _closed_message(self, what):
        return "I/O operation on closed file."

    def _fill(self):
        """The rest of the file, read once until a write or seek."""
        if self._data is None:
            self._base = _posix.lseek(self._fd, 0, 1)
            chunks = []
            while True:
                chunk = _posix.read(self._fd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
            self._data = b"".join(chunks)
            self._at = 0
        return self._data

    def _drop_read_ahead(self):
        """Puts the descriptor where the reader is, and forgets what was read ahead."""
        if self._data is not None:
            _posix.lseek(self._fd, self._base + self._at, 0)
            self._data = None

    def _write_bytes(self, data):
        self._drop_read_ahead()
        _posix.write(self._fd, data)

    def _position(self):
        if self._data is not None:
            return self._base + self._at
        return _posix.lseek(self._fd, 0, 1)

    def _raw_line(self, universal, limit=-1):
        """The bytes through the next line end (\\n, or also \\r and \\r\\n when
        `universal`), at most `limit` bytes, and the end found (b"" for none)."""
        data = self._fill()
        at = self._at
        end = len(data) if limit < 0 else min(len(data), at + limit)
        n = data.find(b"\n", at, end)
        r = data.find(b"\r", at, end) if universal else -1
        if r >= 0 and (n < 0 or r < n):
            if r + 1 < len(data) and data[r + 1] == 10 and r + 2 <= end:
                self._at = r + 2
                return data[at:r], b"\r\n"
            self._at = r + 1
            return data[at:r], b"\r"
        if n >= 0:
            self._at = n + 1
            return data[at:n], b"\n"
        self._at = end
        return data[at:end], b""

    def close(self):
        if not self._closed:
            self._closed = True
            self._data = None
            _posix.close(self._fd)

    def fileno(self):
        self._check_open()
        return self._fd

    def flush(self):
        self._check_open("flush")

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


class TextIOWrapper(_File):
    """A text file: str in, str out, UTF-8 on disk."""

    __module__ = "_io"

    def __init__(self, name, fd, mode, readable, writable, appending, encoding, newline):
        self._setup(name, fd, readable, writable, appending)
        self.mode = mode
        self.encoding = encoding
        self._newline = newline

    def __repr__(self):
        return "<_io.TextIOWrapper name=" + repr(self.name) + " mode=" + repr(self.mode) + " encoding=" + repr(self.encoding) + ">"

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation("not readable")

    def _text_line(self, limit=-1):
        """The next line as text; at most `limit` characters."""
        universal = self._newline is None or self._newline == ""
        start = self._at
        body, end = self._raw_line(universal)
        if self._newline is None and end:
            end = b"\n"
        line = (body + end).decode("utf-8")
        if 0 <= limit < len(line):
            line = line[:limit]
            self._at = start + len(line.encode("utf-8"))
        return line

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        return self._text_line(size)

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            data = self._fill()
            text = data[self._at:].decode("utf-8")
            self._at = len(data)
            if self._newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            return text
        parts = []
        got = 0
        while got < size:
            line = self._text_line(size - got)
            if not line:
                break
            parts.append(line)
            got += len(line)
        return "".join(parts)

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        if not self._writable:
            raise UnsupportedOperation("not writable")
        self._write_bytes(s.encode("utf-8"))
        return len(s)

    def tell(self):
        self._check_open()
        return self._position()

    def seek(self, cookie, whence=0):
        self._check_open()
        if whence == 1 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence (" + str(whence) + ", should be 0, 1 or 2)")
        if whence == 0 and cookie < 0:
            raise ValueError("negative seek position " + str(cookie))
        if whence == 1:
            return self._position()
        self._data = None
        return _posix.lseek(self._fd, cookie, whence)


class _Buffered(_File):
    """A binary file: bytes in, bytes out."""

    def __init__(self, name, fd, mode, readable, writable, appending):
        self._setup(name, fd, readable, writable, appending)
        self.mode = mode

    def __repr__(self):
        return "<_io." + type(self).__name__ + " name=" + repr(self.name) + ">"

    def _closed_message(self, what):
        if what is None:
            return "I/O operation on closed file."
        if what == "write":
            return "write to closed file"
        return what + " of closed file"

    def _check_readable(self, what):
        self._check_open(what)
        if not self._readable:
            raise UnsupportedOperation(what)

    def read(self, size=-1):
        self._check_readable("read")
        data = self._fill()
        at = self._at
        end = len(data) if size is None or size < 0 else min(len(data), at + size)
        self._at = end
        return data[at:end]

    def readline(self, size=-1):
        self._check_readable("readline")
        body, end = self._raw_line(False, -1 if size is None else size)
        return body + end

    def write(self, b):
        self._check_open("write")
        if isinstance(b, str) or not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '" + type(b).__name__ + "'")
        if not self._writable:
            raise UnsupportedOperation("write")
        self._write_bytes(bytes(b))
        return len(b)

    def tell(self):
        self._check_open("tell")
        return self._position()

    def seek(self, offset, whence=0):
        self._check_open("seek")
        if whence not in (0, 1, 2):
            raise ValueError("whence value " + str(whence) + " unsupported")
        if whence == 0 and offset < 0:
            raise ValueError("negative seek value " + str(offset))
        if whence == 1:
            offset += self._position()
            whence = 0
        self._data = None
        return _posix.lseek(self._fd, offset, whence)


class BufferedReader(_Buffered):
    __module__ = "_io"


class BufferedWriter(_Buffered):
    __module__ = "_io"


class BufferedRandom(_Buffered):
    __module__ = "_io"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, (str, bytes, int, float, list, tuple, dict, set, type(None))) and hasattr(file, "__fspath__"):
        # A path object (pathlib's): the str it stands for names the file.
        fspath = file.__fspath__()
        if isinstance(fspath, str):
            file = fspath
    if not isinstance(file, str):
        if isinstance(file, (bytes, int)):
            _sys._stitch_unsupported("open() of a bytes path or a file descriptor")
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(file).__name__)
    reading, writing, appending, creating, updating, binary = _parse_mode(mode)
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline is not None and not isinstance(newline, str):
        raise TypeError("open() argument 'newline' must be str or None, not " + type(newline).__name__)
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: " + newline)
    if newline in ("\r", "\r\n"):
        _sys._stitch_unsupported("open() with newline=" + repr(newline))
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not " + type(encoding).__name__)
    if encoding is not None and encoding.lower() not in _UTF8_NAMES:
        if encoding.lower() in _KNOWN_ENCODINGS:
            _sys._stitch_unsupported("open() with the encoding " + repr(encoding))
        raise LookupError("unknown encoding: " + encoding)
    if errors is not None and errors != "strict":
        _sys._stitch_unsupported("open() with errors=" + repr(errors))
    if buffering != -1 or not closefd or opener is not None:
        _sys._stitch_unsupported("open() with buffering, closefd or opener")
    readable = reading or updating
    writable = not reading or updating
    if reading:
        flags = _posix.O_RDWR if updating else _posix.O_RDONLY
    else:
        flags = (_posix.O_RDWR if updating else _posix.O_WRONLY) | _posix.O_CREAT
        if writing:
            flags |= _posix.O_TRUNC
        if appending:
            flags |= _posix.O_APPEND
        if creating:
            flags |= _posix.O_EXCL
    fd = _posix._stitch_open_file(file, flags)
    if appending:
        _posix.lseek(fd, 0, 2)
    if binary:
        kind = "r" if reading else "w" if writing else "a" if appending else "x"
        canonical = kind + "b" + ("+" if updating else "")
        if updating:
            return BufferedRandom(file, fd, canonical, readable, writable, appending)
        if reading:
            return BufferedReader(file, fd, canonical, readable, writable, appending)
        return BufferedWriter(file, fd, canonical, readable, writable, appending)
    return TextIOWrapper(file, fd, mode, readable, writable, appending, "UTF-8" if encoding is None else encoding, newline)
