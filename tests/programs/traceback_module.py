import io
import sys
import traceback
import logging
import re


def show(text):
    """The report with file names as basenames (the recorded paths differ by machine)."""
    print(re.sub(r'File ".*/', 'File "', text), end="")


def inner(x):
    raise ValueError(f"bad {x}")


def outer():
    inner(3)


def wrap():
    try:
        outer()
    except ValueError as e:
        raise KeyError("wrapped") from e


try:
    outer()
except ValueError:
    show(traceback.format_exc())
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), sys.exception())
print(repr(traceback.format_exc()))
try:
    wrap()
except KeyError as e:
    show("".join(traceback.format_exception(e)))
    print(traceback.format_exception_only(e))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    show(buf.getvalue())
log = logging.getLogger("t")
logbuf = io.StringIO()
log.addHandler(logging.StreamHandler(logbuf))
try:
    outer()
except ValueError:
    log.exception("caught")
show(logbuf.getvalue())
print(sys.exc_info())
