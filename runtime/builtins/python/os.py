"""The parts of CPython 3.11's os a portable program uses: the path module
(`os.path`, which is `posixpath`), the separators, the working directory, directory
listings, making and removing files and directories, files by descriptor (`open`,
`read`, `write`, `lseek`, `close` of descriptors `os.open` made), the environment
(`environ`, `getenv`), the process id, the CPU count and random bytes. The machine's
side is the native `posix` module; the names not written here (processes, stat
results, ...) are refused.
"""

import sys as _sys
import posix as _posix
from posix import getcwd, listdir, getpid, cpu_count, urandom
from posix import open, read, write, lseek, close, remove, unlink, mkdir, rmdir, rename
from posix import O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND
from posix import SEEK_SET, SEEK_CUR, SEEK_END
import posixpath as path
import posixpath as _posixpath

name = "posix"
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = "\n"


class _Environ:
    """os.environ: a mapping of the environment's names to their values (strs).
    Changes stay in the mapping: stitch starts no processes that would see them."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        return self._data[key]

    def __setitem__(self, key, value):
        for what in (key, value):
            if not isinstance(what, str):
                raise TypeError("str expected, not " + type(what).__name__)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def items(self):
        return self._data.items()

    def values(self):
        return self._data.values()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data or not default:
            value = self[key]
            del self._data[key]
            return value
        return default[0]

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def __repr__(self):
        return "environ(" + repr(self._data) + ")"


environ = _Environ(_posix._stitch_environ())


def fspath(path):
    """The str or bytes a path stands for: itself, or what its __fspath__ returns."""
    if isinstance(path, (str, bytes)):
        return path
    return _posixpath._fspath(path)


def getenv(key, default=None):
    """The environment variable key, or default."""
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir of `name` and of every missing directory above it; an existing directory
    `name` is FileExistsError unless `exist_ok`."""
    parent, leaf = path.split(name)
    if not leaf:
        parent, leaf = path.split(parent)
    if parent and leaf and not path.exists(parent):
        try:
            makedirs(parent, mode, exist_ok)
        except FileExistsError:
            # Made meanwhile by someone else: fine, as long as it is there now.
            pass
        if leaf == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise
