"""Paths as objects, as CPython 3.11's pathlib has them on POSIX systems: PurePath and
PurePosixPath (the parsing, joining with `/`, the parts, names, stems and suffixes,
parents, with_name/with_stem/with_suffix, relative_to, match, comparisons), Path and
PosixPath over os and open() (cwd, home, exists, is_file, is_dir, open, read_text,
write_text, read_bytes, write_bytes, mkdir, rmdir, unlink, rename, replace, touch,
iterdir, glob, rglob, absolute, resolve, expanduser).

Stitch's os has no stat results or links: `stat`, `chmod`, `is_symlink`, `owner` and
the other such methods are refused, `resolve()` makes the path absolute and normal
without following symbolic links, and `glob` does not tell links from what they name.
Windows paths are refused."""

import os as _os
import posixpath as _posixpath
import re as _re
import sys as _sys

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


def _refuse(what):
    _sys._stitch_unsupported(what)


def _split(text):
    """A path str's root ('', '/' or '//': POSIX keeps exactly two leading slashes) and
    its components, without empty ones and '.'."""
    root = ""
    if text.startswith("/"):
        root = "//" if text.startswith("//") and not text.startswith("///") else "/"
    return root, [part for part in text.split("/") if part and part != "."]


def _parse(args):
    """The root and components the arguments make joined: an absolute one starts
    afresh."""
    root = ""
    parts = []
    for arg in args:
        if isinstance(arg, PurePath):
            arg_root, arg_parts = arg._root, arg._parts
        else:
            text = arg
            if not isinstance(text, str):
                if isinstance(text, (bytes, bytearray, int, float, list, tuple, dict, set, type(None))):
                    text = _os.fspath(text) if isinstance(text, bytes) else _posixpath._fspath(text)
                else:
                    text = _posixpath._fspath(text)
            if not isinstance(text, str):
                raise TypeError("argument should be a str object or an os.PathLike object returning str, not %r"
                                % type(text))
            arg_root, arg_parts = _split(text)
        if arg_root:
            root = arg_root
            parts = list(arg_parts)
        else:
            parts.extend(arg_parts)
    return root, parts


def _translate(pattern):
    """A shell wildcard pattern (`*`, `?`, `[seq]`, `[!seq]`) as a regular expression."""
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        i += 1
        if c == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i
            if j < n and pattern[j] == "!":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
            else:
                body = pattern[i:j].replace("\\", "\\\\")
                i = j + 1
                if body.startswith("!"):
                    body = "^" + body[1:]
                elif body.startswith("^"):
                    body = "\\" + body
                out.append("[" + body + "]")
        else:
            out.append(_re.escape(c))
    return "(?s:" + "".join(out) + ")\\Z"


def _matcher(pattern):
    return _re.compile(_translate(pattern)).match


def _has_wildcards(part):
    return "*" in part or "?" in part or "[" in part


class _Parents:
    """The logical ancestors of a path, nearest first (`path.parents`)."""

    def __init__(self, path):
        self._path = path

    def __len__(self):
        n = len(self._path._parts)
        return n

    def __getitem__(self, idx):
        if not isinstance(idx, int):
            # A slice: the indices it picks out of range(len(self)).
            return tuple(self[i] for i in range(len(self))[idx])
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        path = self._path
        return path._from_parsed(path._root, path._parts[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path as a value: nothing on the system is asked."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = list(parts)
        return self

    def _with(self, root, parts):
        return type(self)._from_parsed(root, parts)

    # -- printed forms ---------------------------------------------------------

    def __str__(self):
        text = self._root + "/".join(self._parts)
        return text or "."

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self._root:
            raise ValueError("relative path can't be expressed as a file URI")
        _refuse("PurePath.as_uri (percent-encoding)")

    # -- comparisons -----------------------------------------------------------

    def _key(self):
        return ([self._root] if self._root else []) + self._parts

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(tuple(self._key()))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    # -- joining ---------------------------------------------------------------

    def joinpath(self, *args):
        root, parts = _parse((self,) + args)
        return self._with(root, parts)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            root, parts = _parse((key, self))
        except TypeError:
            return NotImplemented
        return self._with(root, parts)

    # -- parts -----------------------------------------------------------------

    @property
    def parts(self):
        return tuple(self._key())

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        if not self._parts:
            return ""
        return self._parts[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._with(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        root, parts = _split(name) if isinstance(name, str) else ("", None)
        if parts is None:
            raise TypeError("expected str, not " + type(name).__name__)
        if not name or name[-1] == "/" or root or len(parts) != 1 or parts[0] != name:
            raise ValueError("Invalid name %r" % (name,))
        return self._with(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._with(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        mine = self._key()
        to_root, to_parts = _parse(other)
        theirs = ([to_root] if to_root else []) + to_parts
        n = len(theirs)
        if (self._root if n == 0 else mine[:n] != theirs):
            formatted = (to_root + "/".join(to_parts)) or "."
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute."
                             .format(str(self), formatted))
        return self._with("", mine[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        pat_root, pat_parts = _split(path_pattern)
        if not pat_root and not pat_parts:
            raise ValueError("empty pattern")
        parts = self._key()
        pats = ([pat_root] if pat_root else []) + pat_parts
        if pat_root:
            if self._root != pat_root or len(pats) != len(parts):
                return False
        elif len(pats) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pats)):
            if not _matcher(pat)(part):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure path of a POSIX system."""


class PureWindowsPath(PurePath):
    def __new__(cls, *args):
        _refuse("pathlib's Windows paths")


class Path(PurePath):
    """A path on this system: asks it what is there, and changes it."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    def _child(self, name):
        return self._with(self._root, self._parts + [name])

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def absolute(self):
        if self._root:
            return self
        return self._with(*_parse((_os.getcwd(), self)))

    def resolve(self, strict=False):
        text = _posixpath.normpath(_posixpath.abspath(str(self)))
        if strict and not _posixpath.exists(text):
            open(text).close()
        return type(self)(text)

    def expanduser(self):
        if self._parts and self._parts[0].startswith("~") and not self._root:
            home = _posixpath.expanduser(self._parts[0])
            if home.startswith("~"):
                raise RuntimeError("Could not determine home directory.")
            return self._with(*_parse((home,) + tuple(self._parts[1:])))
        return self

    # -- what is there ---------------------------------------------------------

    def exists(self):
        return _posixpath.exists(str(self))

    def is_file(self):
        return _posixpath.isfile(str(self))

    def is_dir(self):
        return _posixpath.isdir(str(self))

    def samefile(self, other_path):
        _refuse("Path.samefile (stat results)")

    def iterdir(self):
        for name in _os.listdir(str(self)):
            yield self._child(name)

    def _select(self, parts, at, path):
        """The paths below `path` that `parts[at:]` matches, in directory order."""
        if at == len(parts):
            yield path
            return
        part = parts[at]
        last = at == len(parts) - 1
        if part == "**":
            seen = set()
            for start in self._walk_dirs(path):
                for found in self._select(parts, at + 1, start):
                    if found not in seen:
                        seen.add(found)
                        yield found
            return
        if not _has_wildcards(part):
            child = path._child(part)
            if (child.exists() if last else child.is_dir()):
                yield from self._select(parts, at + 1, child)
            return
        match = _matcher(part)
        try:
            names = _os.listdir(str(path))
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            return
        for name in names:
            child = path._child(name)
            if not last and not child.is_dir():
                continue
            if match(name):
                yield from self._select(parts, at + 1, child)

    def _walk_dirs(self, path):
        yield path
        try:
            names = _os.listdir(str(path))
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            return
        for name in names:
            child = path._child(name)
            if child.is_dir():
                yield from self._walk_dirs(child)

    def glob(self, pattern):
        root, parts = _split(pattern)
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        for part in parts:
            if "**" in part and part != "**":
                raise ValueError("Invalid pattern: '**' can only be an entire path component")
        if pattern.endswith("/"):
            _refuse("a glob pattern ending with '/'")
        yield from self._select(parts, 0, self)

    def rglob(self, pattern):
        root, parts = _split(pattern)
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        for part in parts:
            if "**" in part and part != "**":
                raise ValueError("Invalid pattern: '**' can only be an entire path component")
        yield from self._select(["**"] + parts, 0, self)

    # -- files -----------------------------------------------------------------

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        data = bytes(data)
        with self.open(mode="wb") as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            return
        open(str(self), "a").close()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            _os.mkdir(str(self))
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def unlink(self, missing_ok=False):
        try:
            _os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        _os.rmdir(str(self))

    def rename(self, target):
        _os.rename(str(self), _posixpath._fspath(target) if not isinstance(target, str) else target)
        return type(self)(target)

    def replace(self, target):
        return self.rename(target)


def _refused_method(name):
    def method(self, *args, **kwargs):
        _refuse("Path." + name + " (stitch's os has no stat results, links or owners)")
    method.__name__ = name
    return method


for _name in ("stat", "lstat", "chmod", "lchmod", "owner", "group", "is_symlink", "is_mount", "is_socket",
              "is_fifo", "is_block_device", "is_char_device", "readlink", "symlink_to", "hardlink_to",
              "link_to"):
    setattr(Path, _name, _refused_method(_name))


class PosixPath(Path, PurePosixPath):
    """A path on this POSIX system."""


class WindowsPath(Path, PureWindowsPath):
    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
