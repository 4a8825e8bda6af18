"""Path names on POSIX systems, as CPython 3.11's posixpath (`os.path`) handles them:
joining, splitting and normalizing strs, and asking the system what a path names.

Paths are strs, or objects with `__fspath__` (pathlib's) that stand for strs: a bytes
path or a file descriptor is refused. The names not written here are refused too.
"""

import sys as _sys
import posix as _posix

__all__ = ["join", "split", "splitext", "basename", "dirname", "exists", "isfile", "isdir",
           "abspath", "normpath", "expanduser", "getsize", "isabs", "relpath", "commonprefix"]

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"


def _fspath(path):
    """The str a path argument stands for, with os.fspath's TypeError."""
    if isinstance(path, str):
        return path
    if isinstance(path, (bytes, bytearray)):
        _sys._stitch_unsupported("a bytes path")
    if not isinstance(path, (int, float, list, tuple, dict, set, type(None))) and hasattr(path, "__fspath__"):
        text = path.__fspath__()
        if isinstance(text, str):
            return text
        if isinstance(text, (bytes, bytearray)):
            _sys._stitch_unsupported("a path object that stands for bytes")
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(path).__name__, type(text).__name__))
    raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)


def _stat(path):
    # A file descriptor names an open file to os.stat; stitch has no descriptors.
    if isinstance(path, int) and not isinstance(path, bool):
        _sys._stitch_unsupported("a file descriptor given as a path")
    if isinstance(path, (bytes, bytearray)):
        _sys._stitch_unsupported("a bytes path")
    if not isinstance(path, (str, float, list, tuple, dict, set, type(None))) and hasattr(path, "__fspath__"):
        path = _fspath(path)
    return _posix._stitch_stat(path)


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    """Joins the parts with "/"; a part that starts with "/" starts the path over."""
    parts = []
    for part in (a,) + p:
        if not isinstance(part, str):
            if isinstance(part, (bytes, bytearray)):
                _sys._stitch_unsupported("a bytes path")
            if not isinstance(part, (int, float, list, tuple, dict, set, type(None))) and hasattr(part, "__fspath__"):
                part = _fspath(part)
            else:
                raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '%s'"
                                % type(part).__name__)
        parts.append(part)
    a = parts[0]
    p = parts[1:]
    path = a
    for part in p:
        if part.startswith("/"):
            path = part
        elif not path or path.endswith("/"):
            path += part
        else:
            path += "/" + part
    return path


def _trim_head(head):
    # A head of only slashes stays as it is; otherwise the slashes that end it go.
    if head and head != "/" * len(head):
        return head.rstrip("/")
    return head


def split(p):
    """(head, tail): tail is what follows the last "/"."""
    p = _fspath(p)
    cut = p.rfind("/") + 1
    return _trim_head(p[:cut]), p[cut:]


def splitext(p):
    """(root, ext): ext is the last dot and what follows it in the last component,
    empty when that component has no dot but leading ones."""
    p = _fspath(p)
    last_sep = p.rfind("/")
    dot = p.rfind(".")
    if dot > last_sep:
        start = last_sep + 1
        while start < dot:
            if p[start] != ".":
                return p[:dot], p[dot:]
            start += 1
    return p, p[:0]


def splitdrive(p):
    return p[:0], _fspath(p)


def basename(p):
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fspath(p)
    return _trim_head(p[:p.rfind("/") + 1])


def normpath(path):
    """Drops empty and "." components and folds "dir/.." away. POSIX keeps a path
    that starts with exactly two slashes as it is."""
    path = _fspath(path)
    if not path:
        return "."
    lead = 0
    while lead < len(path) and path[lead] == "/":
        lead += 1
    slashes = "//" if lead == 2 else ("/" if lead else "")
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp == "..":
            if parts and parts[-1] != "..":
                parts.pop()
                continue
            if slashes:
                # Above the root is the root.
                continue
        parts.append(comp)
    return slashes + "/".join(parts) or "."


def abspath(path):
    path = _fspath(path)
    if not path.startswith("/"):
        path = join(_posix.getcwd(), path)
    return normpath(path)


def expanduser(path):
    """"~" and "~/..." become the home directory (HOME); "~user" is refused (it needs
    the password database)."""
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    end = path.find("/", 1)
    if end < 0:
        end = len(path)
    if end != 1:
        _sys._stitch_unsupported("os.path.expanduser of '~user' (the password database)")
    home = _posix._stitch_environ().get("HOME")
    if home is None:
        _sys._stitch_unsupported("os.path.expanduser without HOME (the password database)")
    return (home.rstrip("/") + path[end:]) or "/"


def exists(path):
    try:
        _stat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    try:
        return _stat(path)[1]
    except (OSError, ValueError):
        return False


def isdir(s):
    try:
        return _stat(s)[0]
    except (OSError, ValueError):
        return False


def getsize(filename):
    return _stat(filename)[2]


def commonprefix(m):
    """The longest str (or list) every item of m starts with."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    low = min(m)
    high = max(m)
    for i, c in enumerate(low):
        if c != high[i]:
            return low[:i]
    return low


def relpath(path, start=None):
    """path relative to start (the working directory by default)."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    shared = len(commonprefix([start_parts, path_parts]))
    rel = [pardir] * (len(start_parts) - shared) + path_parts[shared:]
    if not rel:
        return curdir
    return join(*rel)
