"""Printing and formatting exceptions as the interpreter reports them.

The reports come from stitch's own traceback printer (`sys._stitch_format_exception`),
so they are what an uncaught exception prints: the chain of causes and contexts, each
traceback's frames with their source lines. Stitch's reports do not have CPython's
`~~~^^^` markers under the lines. Traceback objects, stack summaries and `limit=`
are not provided."""

import sys as _sys

__all__ = ["format_exc", "format_exception", "format_exception_only", "print_exc", "print_exception"]

_sentinel = object()


def _split(text):
    """The report as CPython's list: the header, one item per frame (its line with
    the source line below it), then the exception's line."""
    items = []
    for line in text.splitlines(keepends=True):
        if line.startswith("    ") and items and items[-1].startswith("  File "):
            items[-1] += line
        else:
            items.append(line)
    return items


def _exception(exc, value):
    if value is not _sentinel:
        exc = value
    return exc


def _no_limit(limit):
    if limit is not None:
        _sys._stitch_unsupported("the limit= of traceback's functions")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    _no_limit(limit)
    exc = _exception(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    if not chain:
        _sys._stitch_unsupported("traceback formatting with chain=False")
    return _split(_sys._stitch_format_exception(exc))


def format_exception_only(exc, /, value=_sentinel):
    exc = _exception(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    text = str(exc)
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ("__main__", "builtins"):
        name = module + "." + name
    return [name + (": " + text if text else "") + "\n"]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = _sys.stderr
    for item in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(item, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(_sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_sys.exception(), limit=limit, file=file, chain=chain)
