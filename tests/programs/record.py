#!/usr/bin/env python3
"""Record / check the expected outputs of the stitch conformance corpus.

Every tests/programs/*.py except this file is a program.  For NAME.py the
expected results, produced by CPython 3.11, live beside it:

  NAME.stdout  exact stdout bytes, with the program's absolute directory and
               its "/" left out wherever it was printed (doctest's failure
               reports name the script by its absolute path, `__file__`;
               runtime/tests/programs.rs leaves it out of stitch's the same way)
  NAME.status  "exit: N\\n"; when N != 0, a "traceback: <frame>\\n" line per
               frame of the traceback (`File "NAME.py", line L, in FUNCTION`,
               the file by its base name, or `[Previous line repeated K more
               times]`; source and caret lines left out), then
               "stderr-last: <last non-empty stderr line>\\n"; when N == 0 and
               stderr ends with unittest.main()'s summary ("OK", "FAILED (...)"),
               that "stderr-last: ..." line alone

Usage (stdlib only):
  python3 record.py                 record every program
  python3 record.py --check         compare instead of writing; exit 1 on any mismatch
  python3 record.py NAME [NAME..]   restrict to some programs (NAME or NAME.py)
  python3 record.py --lint          static check that programs stay inside the
                                    subset stitch supports (exit 1 on violations)
  python3 record.py --benchmarks    same as above, but for ../../benchmarks/*.py
                                    (only NAME.stdout is recorded/checked there)
Options: --python EXE (default: python3), --timeout SECONDS.

Each program is run as `python3 NAME.py` with cwd = the program's directory.
"""
import ast
import builtins
import io
import os
import re
import subprocess
import sys
import time
import tokenize

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "benchmarks"))
TOOL_FILES = {"record.py"}
SLOW_WARNING_SECONDS = 0.3


def discover(directory, names):
    progs = sorted(
        f for f in os.listdir(directory)
        if f.endswith(".py") and f not in TOOL_FILES
    )
    if names:
        wanted = [n if n.endswith(".py") else n + ".py" for n in names]
        missing = [w for w in wanted if w not in progs]
        if missing:
            sys.exit("unknown program(s): " + ", ".join(missing))
        progs = wanted
    return progs


def last_nonempty_line(data):
    text = data.decode("utf-8", errors="replace")
    lines = [l.rstrip("\r") for l in text.split("\n") if l.strip() != ""]
    return lines[-1] if lines else ""


def traceback_frames(data):
    """The frames of a traceback as the Rust tests compare them
    (runtime/tests/common/mod.rs, traceback_frames): File lines with the file by
    its base name, and collapsed repeats."""
    frames = []
    for line in data.decode("utf-8", errors="replace").split("\n"):
        line = line.rstrip("\r")
        if line.startswith('  File "') and '", line ' in line:
            path, tail = line[len('  File "'):].rsplit('", line ', 1)
            frames.append('File "%s", line %s' % (path.rsplit("/", 1)[-1], tail))
        elif line.startswith("  [Previous line repeated "):
            frames.append(line.strip())
    return frames


UNITTEST_SUMMARY = re.compile(r"^(OK|FAILED)( \(.*\))?$")


def run_program(python, directory, prog, timeout):
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    # Programs import their own modules: no __pycache__ beside them.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(var, None)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [python, prog], cwd=directory, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start
    elapsed = time.perf_counter() - start
    status = "exit: %d\n" % proc.returncode
    if proc.returncode != 0:
        for frame in traceback_frames(proc.stderr):
            status += "traceback: %s\n" % frame
        status += "stderr-last: %s\n" % last_nonempty_line(proc.stderr)
    elif UNITTEST_SUMMARY.match(last_nonempty_line(proc.stderr)):
        # A successful run of unittest.main(), which reports on stderr: its summary.
        # (Other output on stderr of a successful run, such as the DeprecationWarnings
        # CPython shows and stitch does not, is not compared.)
        status += "stderr-last: %s\n" % last_nonempty_line(proc.stderr)
    stdout = proc.stdout.replace((os.path.abspath(directory) + "/").encode("utf-8"), b"")
    return (stdout, status.encode("utf-8")), elapsed


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def first_difference(expected, actual):
    exp = expected.decode("utf-8", errors="replace").split("\n")
    act = actual.decode("utf-8", errors="replace").split("\n")
    for i in range(max(len(exp), len(act))):
        e = exp[i] if i < len(exp) else "<missing>"
        a = act[i] if i < len(act) else "<missing>"
        if e != a:
            return "line %d: expected %r, got %r" % (i + 1, e[:120], a[:120])
    return "difference in trailing bytes"


def check_python(python):
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            stdout=subprocess.PIPE, check=True,
        ).stdout.decode().strip()
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("cannot run %s: %s" % (python, e))
    if out != "3.11":
        sys.exit("%s is Python %s; expected outputs must come from CPython 3.11" % (python, out))


def record_or_check(args, directory, bench):
    check_python(args["python"])
    progs = discover(directory, args["names"])
    failures = []
    slow = []
    for prog in progs:
        base = os.path.join(directory, prog[:-3])
        result, elapsed = run_program(args["python"], directory, prog, args["timeout"])
        if result is None:
            failures.append("%s: timed out after %.1fs" % (prog, args["timeout"]))
            continue
        stdout, status = result
        if not bench and elapsed > SLOW_WARNING_SECONDS:
            slow.append("%s: %.2fs" % (prog, elapsed))
        outputs = [(base + ".stdout", stdout)]
        if not bench:
            outputs.append((base + ".status", status))
        elif status != b"exit: 0\n":
            failures.append("%s: benchmark exited abnormally: %s" % (prog, status.decode().strip()))
        for path, data in outputs:
            if args["check"]:
                expected = read_bytes(path)
                if expected is None:
                    failures.append("%s: missing %s" % (prog, os.path.basename(path)))
                elif expected != data:
                    failures.append("%s: %s differs (%s)" % (
                        prog, os.path.basename(path), first_difference(expected, data)))
            else:
                with open(path, "wb") as f:
                    f.write(data)
    verb = "checked" if args["check"] else "recorded"
    print("%s %d program(s) in %s" % (verb, len(progs), directory))
    for s in slow:
        print("warning: slow (> %.1fs): %s" % (SLOW_WARNING_SECONDS, s))
    if failures:
        print("%d FAILURE(S):" % len(failures))
        for f in failures:
            print("  " + f)
        return 1
    print("all OK")
    return 0


# ---------------------------------------------------------------------------
# Subset linter
# ---------------------------------------------------------------------------

EXCEPTION_NAMES = (
    "BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
    "StopIteration", "ArithmeticError", "FloatingPointError", "OverflowError",
    "ZeroDivisionError", "AssertionError", "AttributeError", "BufferError", "EOFError",
    "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError",
    "MemoryError", "NameError", "UnboundLocalError", "OSError", "BrokenPipeError",
    "BlockingIOError", "ChildProcessError", "ConnectionError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "InterruptedError", "ProcessLookupError",
    "TimeoutError",
    "FileNotFoundError", "FileExistsError", "IsADirectoryError", "NotADirectoryError",
    "PermissionError", "ReferenceError", "RuntimeError", "NotImplementedError",
    "RecursionError", "SyntaxError", "SystemError", "TypeError", "ValueError",
    "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
    # warnings' categories
    "Warning", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
    "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning",
    "UserWarning")
ALLOWED_BUILTINS = {
    # name: (min positional, max positional, allowed keywords)
    # The builtin exception classes: raised, caught and constructed with any arguments.
    **{name: (0, None, set()) for name in EXCEPTION_NAMES},
    "print": (0, None, {"sep", "end", "file", "flush"}),
    "open": (1, 2, {"mode", "encoding", "newline"}),
    "len": (1, 1, set()),
    "range": (1, 3, set()),
    "abs": (1, 1, set()),
    "min": (1, None, {"key", "default"}),
    "max": (1, None, {"key", "default"}),
    "sum": (1, 2, set()),
    "int": (1, 2, set()),
    "float": (1, 1, set()),
    "complex": (0, 2, {"real", "imag"}),
    "str": (1, 3, set()),
    "bytes": (0, 3, set()),
    "bytearray": (0, 3, set()),
    "bool": (1, 1, set()),
    "repr": (1, 1, set()),
    "ascii": (1, 1, set()),
    "list": (0, 1, set()),
    "tuple": (0, 1, set()),
    "dict": (0, 1, set()),
    "set": (0, 1, set()),
    "frozenset": (0, 1, set()),
    "enumerate": (1, 2, {"start"}),
    "zip": (2, 3, {"strict"}),
    "isinstance": (2, 2, set()),
    "round": (1, 2, set()),
    "divmod": (2, 2, set()),
    "pow": (2, 3, set()),
    "sorted": (1, 1, {"key", "reverse"}),
    "map": (2, None, set()),
    "filter": (2, 2, set()),
    "type": (0, 3, set()),
    "reversed": (1, 1, set()),
    "any": (1, 1, set()),
    "all": (1, 1, set()),
    "chr": (1, 1, set()),
    "ord": (1, 1, set()),
    "hash": (1, 1, set()),
    "hex": (1, 1, set()),
    "bin": (1, 1, set()),
    "oct": (1, 1, set()),
    "format": (1, 2, set()),
    "next": (1, 2, set()),
    "iter": (1, 2, set()),
    "callable": (1, 1, set()),
    "vars": (1, 1, set()),
    "dir": (1, 1, set()),
    "id": (1, 1, set()),
    "object": (0, 0, set()),
    # Source run at run time (module code; not with separate locals).
    "exec": (1, 2, set()),
    "eval": (1, 2, set()),
    "compile": (3, 3, set()),
    "globals": (0, 0, set()),
    # Classes.
    "super": (0, 2, set()),
    "staticmethod": (1, 1, set()),
    "classmethod": (1, 1, set()),
    "property": (0, 3, {"fget", "fset", "fdel"}),
    "issubclass": (2, 2, set()),
    "getattr": (2, 3, set()),
    "setattr": (3, 3, set()),
    "hasattr": (2, 2, set()),
    "delattr": (2, 2, set()),
    # Generators.
    "next": (1, 2, set()),
    "iter": (1, 2, set()),
}
TYPE_NAMES = {"int", "float", "complex", "str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset", "bool", "map", "filter", "object", "type",
              *EXCEPTION_NAMES}
# The special methods a class may define (others are refused when the class is made).
CLASS_DUNDERS = {"__init__", "__new__", "__repr__", "__str__", "__missing__", "__post_init__", "__copy__", "__deepcopy__",
                 "__int__", "__float__", "__round__", "__floor__", "__ceil__", "__trunc__",
                 # operators: plain, reflected, in place; unary
                 *("__%s%s__" % (p, op) for p in ("", "r", "i") for op in (
                     "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul",
                     "lshift", "rshift", "and", "or", "xor")),
                 "__neg__", "__pos__", "__invert__", "__abs__",
                 # comparison, hashing, containers, iteration, calls, formatting, attributes
                 "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
                 "__bool__", "__len__", "__contains__", "__getitem__", "__setitem__", "__delitem__",
                 "__iter__", "__next__", "__call__", "__format__", "__getattr__", "__setattr__", "__delattr__",
                 "__getattribute__", "__reversed__", "__fspath__",
                 # descriptors
                 "__get__", "__set__", "__delete__", "__set_name__",
                 # context managers
                 "__enter__", "__exit__", "__await__", "__aenter__", "__aexit__",
                 # `Class[item]`; run for each new subclass
                 "__class_getitem__", "__init_subclass__",
                 # class patterns' positional sub-patterns
                 "__match_args__"}
ALLOWED_METHODS = {
    # name: (min positional, max positional, allowed keywords)
    "format_map": (1, 1, set()),
    # functools.singledispatch's functions
    "register": (1, 2, set()), "dispatch": (1, 1, set()),
    # json.JSONEncoder's
    "iterencode": (1, 2, set()),
    # hashlib's hash objects
    "digest": (0, 0, set()), "hexdigest": (0, 0, set()),
    # random.Random's (the module's functions)
    **{name: (0, 3, {"k", "weights", "cum_weights", "counts", "mu", "sigma", "a", "b", "start", "stop", "step"})
       for name in ("seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "uniform", "sample",
                    "choices", "gauss", "normalvariate")},
    # the special methods of builtin types (`methods/dunders.rs`), with one argument
    # more when called unbound (`int.__add__(a, b)`)
    **{name: (0, 1, set()) for name in ("__len__", "__iter__", "__next__", "__hash__", "__repr__", "__str__", "__bool__",
                                        "__abs__", "__neg__", "__pos__", "__invert__", "__int__", "__index__", "__float__",
                                        "__trunc__", "__floor__", "__ceil__")},
    "__round__": (0, 2, set()),
    **{"__%s__" % op: (1, 2, set()) for op in (
        "format", "getitem", "delitem", "contains", "eq", "ne", "lt", "le", "gt", "ge", "add", "sub", "mul", "truediv",
        "floordiv", "mod", "and", "or", "xor", "lshift", "rshift", "radd", "rsub", "rmul", "rtruediv", "rfloordiv",
        "rmod", "rpow", "rand", "ror", "rxor", "rlshift", "rrshift", "divmod", "rdivmod")},
    "__setitem__": (2, 3, set()), "__pow__": (1, 3, set()),
    "fget": (1, 1, set()), "fset": (2, 2, set()), "setter": (1, 1, set()), "getter": (1, 1, set()), "deleter": (1, 1, set()), "fdel": (1, 1, set()),
    "append": (1, 1, set()), "pop": (0, 2, set()), "insert": (2, 2, set()),
    "extend": (1, 1, set()), "index": (1, 3, set()), "reverse": (0, 0, set()),
    "sort": (0, 0, {"key", "reverse"}), "copy": (0, 0, set()), "setdefault": (1, 2, set()),
    # textwrap.TextWrapper's
    "wrap": (1, 1, set()), "fill": (1, 1, set()),
    # collections.ChainMap's
    "new_child": (0, 1, None),
    "join": (0, 1, set()), "split": (0, 2, set()), "strip": (0, 1, set()),
    "upper": (0, 0, set()), "lower": (0, 0, set()), "startswith": (1, 3, set()),
    "endswith": (1, 3, set()), "replace": (0, 8, {"year", "month", "day", "hour", "minute", "second", "microsecond", "fold"}), "find": (1, 1, set()),
    "count": (1, 1, set()), "get": (0, 2, {"block", "timeout"}), "keys": (0, 0, set()),
    "values": (0, 0, set()), "items": (0, 0, set()),
    # collections, functools
    "appendleft": (1, 1, set()), "popleft": (0, 0, set()), "extendleft": (1, 1, set()),
    "rotate": (0, 1, set()), "most_common": (0, 1, set()),
    "elements": (0, 0, set()), "subtract": (0, 1, set()), "total": (0, 0, set()),
    "move_to_end": (1, 1, {"last"}), "popitem": (0, 0, {"last"}), "_replace": (0, 0, None),
    "_asdict": (0, 0, set()), "_make": (1, 1, set()), "cache_info": (0, 0, set()),
    "cache_clear": (0, 0, set()), "from_iterable": (1, 1, set()),
    # set and frozenset
    "add": (1, 1, set()), "discard": (1, 1, set()), "remove": (1, 1, set()), "clear": (0, 0, set()),
    "update": (0, None, set()), "union": (0, None, set()), "intersection": (0, None, set()),
    "difference": (0, None, set()), "symmetric_difference": (1, 1, set()),
    "intersection_update": (0, None, set()), "difference_update": (0, None, set()),
    "symmetric_difference_update": (1, 1, set()), "issubset": (1, 1, set()),
    "issuperset": (1, 1, set()), "isdisjoint": (1, 1, set()),
    # str, tuple, int and float
    "format": (0, None, set()), "center": (1, 2, set()), "ljust": (1, 2, set()), "rjust": (1, 2, set()),
    "zfill": (1, 1, set()), "expandtabs": (0, 1, {"tabsize"}), "title": (0, 0, set()),
    "capitalize": (0, 0, set()), "swapcase": (0, 0, set()), "casefold": (0, 0, set()),
    "partition": (1, 1, set()), "rpartition": (1, 1, set()), "splitlines": (0, 1, {"keepends"}),
    "removeprefix": (1, 1, set()), "removesuffix": (1, 1, set()), "isupper": (0, 0, set()),
    "islower": (0, 0, set()), "istitle": (0, 0, set()), "isascii": (0, 0, set()),
    "isidentifier": (0, 0, set()), "isspace": (0, 0, set()), "isalpha": (0, 0, set()),
    "isdigit": (0, 0, set()), "isalnum": (0, 0, set()), "isdecimal": (0, 0, set()),
    "isnumeric": (0, 0, set()), "translate": (1, 2, {"delete"}), "maketrans": (1, 3, set()),
    "fromkeys": (1, 2, set()), "limit_denominator": (0, 1, set()),
    # datetime's (str.replace shares the name with date.replace, above)
    "combine": (2, 2, set()), "ctime": (0, 0, set()), "date": (0, 0, set()), "time": (0, 0, set()),
    "fromisocalendar": (3, 3, set()), "fromisoformat": (1, 1, set()), "fromordinal": (1, 1, set()),
    "fromtimestamp": (1, 1, set()), "utcfromtimestamp": (1, 1, set()), "isocalendar": (0, 0, set()),
    "isoformat": (0, 2, {"sep", "timespec"}), "isoweekday": (0, 0, set()), "weekday": (0, 0, set()),
    "now": (0, 0, set()), "utcnow": (0, 0, set()), "today": (0, 0, set()), "strftime": (1, 1, set()),
    "strptime": (2, 2, set()), "timestamp": (0, 0, set()), "toordinal": (0, 0, set()),
    "total_seconds": (0, 0, set()),
    "bit_length": (0, 0, set()), "bit_count": (0, 0, set()), "conjugate": (0, 0, set()),
    "as_integer_ratio": (0, 0, set()), "is_integer": (0, 0, set()), "hex": (0, 0, set()),
    # bytes and bytearray
    "encode": (0, 2, {"encoding", "errors"}), "decode": (0, 2, {"encoding", "errors"}),
    "fromhex": (1, 1, set()), "rfind": (1, 3, set()), "rindex": (1, 3, set()),
    "rsplit": (0, 2, {"sep", "maxsplit"}), "from_bytes": (1, 2, {"byteorder", "signed"}),
    "to_bytes": (0, 2, {"byteorder", "signed"}),
    # of generators
    "send": (1, 1, set()), "throw": (1, 1, set()), "close": (0, 0, set()),
    "rstrip": (0, 1, set()), "lstrip": (0, 1, set()),
    # array.array
    "tolist": (0, 0, set()),
    # io.StringIO
    "write": (1, 1, set()), "writelines": (1, 1, set()), "read": (0, 1, set()),
    "readline": (0, 1, set()), "readlines": (0, 1, set()), "getvalue": (0, 0, set()),
    "seek": (1, 2, set()), "tell": (0, 0, set()), "truncate": (0, 1, set()), "flush": (0, 0, set()),
    # the file objects of open() (runtime/builtins/python/_stitch_files.py)
    "fileno": (0, 0, set()), "readable": (0, 0, set()), "writable": (0, 0, set()),
    "seekable": (0, 0, set()),
    # string.Template
    "substitute": (0, 1, None), "safe_substitute": (0, 1, None), "get_identifiers": (0, 0, set()),
    "is_valid": (0, 0, set()),
    # pprint.PrettyPrinter, timeit.Timer
    "pformat": (1, 1, set()), "pprint": (1, 1, set()), "isreadable": (1, 1, set()), "isrecursive": (1, 1, set()),
    "timeit": (0, 1, {"number"}), "repeat": (0, 2, {"repeat", "number"}), "autorange": (0, 1, set()),
    # re.Pattern and re.Match
    "search": (1, 3, {"pos", "endpos"}), "match": (1, 3, {"pos", "endpos"}),
    "fullmatch": (1, 3, {"pos", "endpos"}), "findall": (1, 3, {"pos", "endpos"}),
    "finditer": (1, 3, {"pos", "endpos"}), "sub": (2, 3, {"count"}), "subn": (2, 3, {"count"}),
    "group": (0, None, set()), "groups": (0, 1, {"default"}), "groupdict": (0, 1, {"default"}),
    "span": (0, 1, set()), "start": (0, 1, set()), "end": (0, 1, set()), "expand": (1, 1, set()),
    # logging's loggers, handlers and formatters
    "debug": (1, None, {"exc_info", "extra", "stack_info", "stacklevel"}),
    "info": (1, None, {"exc_info", "extra", "stack_info", "stacklevel"}),
    "warning": (1, None, {"exc_info", "extra", "stack_info", "stacklevel"}),
    "error": (1, None, {"exc_info", "extra", "stack_info", "stacklevel"}),
    "critical": (1, None, {"exc_info", "extra", "stack_info", "stacklevel"}),
    "exception": (1, None, {"exc_info", "extra", "stack_info", "stacklevel"}),
    "setLevel": (1, 1, set()), "getEffectiveLevel": (0, 0, set()), "isEnabledFor": (1, 1, set()),
    "addHandler": (1, 1, set()), "removeHandler": (1, 1, set()), "hasHandlers": (0, 0, set()),
    "setFormatter": (1, 1, set()), "addFilter": (1, 1, set()), "removeFilter": (1, 1, set()),
    "getChild": (1, 1, set()),
    # asyncio's futures, tasks, events and loops
    "cancel": (0, 1, {"msg"}), "cancelled": (0, 0, set()), "done": (0, 0, set()), "result": (0, 0, set()),
    "set": (0, 0, set()), "is_set": (0, 0, set()), "wait": (0, 0, set()), "run_until_complete": (1, 1, set()),
    # struct.Struct's
    "pack_into": (1, None, set()), "unpack_from": (1, 2, {"offset"}), "iter_unpack": (1, 1, set()),
    "unpack": (1, 1, set()), "pack": (0, None, set()),
    # csv's writers
    "writerow": (1, 1, set()), "writerows": (1, 1, set()), "writeheader": (0, 0, set()),
    # argparse's parsers and groups
    "add_argument": (0, None, None), "add_argument_group": (0, 2, {"title", "description"}),
    "add_mutually_exclusive_group": (0, 0, {"required"}), "parse_args": (0, 2, {"args", "namespace"}),
    "parse_known_args": (0, 2, {"args", "namespace"}), "format_help": (0, 0, set()),
    "format_usage": (0, 0, set()), "print_help": (0, 1, {"file"}), "print_usage": (0, 1, {"file"}),
    "set_defaults": (0, 0, None), "get_default": (1, 1, set()),
    # queue.Queue and its kin
    "put": (1, 3, {"block", "timeout"}), "put_nowait": (1, 1, set()), "get_nowait": (0, 0, set()),
    "empty": (0, 0, set()), "full": (0, 0, set()), "qsize": (0, 0, set()), "task_done": (0, 0, set()),
}
# unittest's test cases, suites, loaders and runners, and pathlib's paths (names the
# tables above do not have already).
for _name, _shape in {
    **{name: (1, 3, {"msg"}) for name in (
        "assertEqual", "assertNotEqual", "assertIs", "assertIsNot", "assertIn", "assertNotIn",
        "assertIsInstance", "assertNotIsInstance", "assertGreater", "assertGreaterEqual", "assertLess",
        "assertLessEqual", "assertCountEqual", "assertRegex", "assertNotRegex", "assertDictEqual",
        "assertListEqual", "assertTupleEqual", "assertSetEqual", "assertMultiLineEqual")},
    **{name: (1, 2, {"msg"}) for name in ("assertTrue", "assertFalse", "assertIsNone", "assertIsNotNone")},
    "assertSequenceEqual": (2, 4, {"msg", "seq_type"}),
    # the old names, which warn (DeprecationWarning) and run the new ones
    **{name: (1, 5, {"msg", "places", "delta"}) for name in (
        "failUnlessEqual", "assertEquals", "failIfEqual", "assertNotEquals", "failUnlessAlmostEqual",
        "assertAlmostEquals", "failIfAlmostEqual", "assertNotAlmostEquals", "failUnless", "assert_", "failIf",
        "assertRegexpMatches", "assertNotRegexpMatches")},
    "failUnlessRaises": (1, None, None), "assertRaisesRegexp": (2, None, None),
    "assertAlmostEqual": (2, 5, {"places", "msg", "delta"}), "assertNotAlmostEqual": (2, 5, {"places", "msg", "delta"}),
    "assertRaises": (1, None, None), "assertRaisesRegex": (2, None, None), "fail": (0, 1, set()),
    "subTest": (0, 1, None), "skipTest": (1, 1, set()), "addCleanup": (1, None, None), "addClassCleanup": (1, None, None), "doCleanups": (0, 0, set()),
    "shortDescription": (0, 0, set()), "id": (0, 0, set()), "countTestCases": (0, 0, set()),
    "addTest": (1, 1, set()), "addTests": (1, 1, set()), "run": (1, 1, set()), "wasSuccessful": (0, 0, set()),
    "loadTestsFromTestCase": (1, 1, set()), "loadTestsFromModule": (1, 1, set()), "getTestCaseNames": (1, 1, set()),
    "loadTestsFromName": (1, 2, set()), "loadTestsFromNames": (1, 2, set()),
    "joinpath": (0, None, set()), "with_name": (1, 1, set()), "with_stem": (1, 1, set()),
    "with_suffix": (1, 1, set()), "relative_to": (1, None, set()), "is_relative_to": (1, None, set()),
    "is_absolute": (0, 0, set()), "as_posix": (0, 0, set()), "exists": (0, 0, set()), "is_file": (0, 0, set()),
    "is_dir": (0, 0, set()), "iterdir": (0, 0, set()), "glob": (1, 1, set()), "rglob": (1, 1, set()),
    "read_text": (0, 2, {"encoding", "errors"}), "write_text": (1, 4, {"encoding", "errors", "newline"}),
    "read_bytes": (0, 0, set()), "write_bytes": (1, 1, set()), "mkdir": (0, 1, {"mode", "parents", "exist_ok"}),
    "rmdir": (0, 0, set()), "unlink": (0, 1, {"missing_ok"}), "rename": (1, 1, set()), "touch": (0, 1, {"mode", "exist_ok"}),
    "absolute": (0, 0, set()), "resolve": (0, 1, {"strict"}), "expanduser": (0, 0, set()), "cwd": (0, 0, set()),
    "home": (0, 0, set()),
    # difflib.SequenceMatcher's and Differ's
    "get_matching_blocks": (0, 0, set()), "get_opcodes": (0, 0, set()), "ratio": (0, 0, set()),
    "quick_ratio": (0, 0, set()), "real_quick_ratio": (0, 0, set()), "find_longest_match": (0, 4, set()),
    "set_seqs": (2, 2, set()), "set_seq1": (1, 1, set()), "set_seq2": (1, 1, set()), "compare": (2, 2, set()),
}.items():
    ALLOWED_METHODS.setdefault(_name, _shape)
ALLOWED_METHODS["open"] = (0, 5, {"mode", "buffering", "encoding", "errors", "newline"})
# Attributes of functions; a program may also read back the attributes it sets.
FUNCTION_ATTRS = {"__name__", "__qualname__", "__doc__", "__defaults__", "__kwdefaults__",
                  "__module__", "__dict__", "__annotations__", "__wrapped__", "__get__", "__closure__",
                  # and of exceptions
                  "__cause__", "__context__", "__suppress_context__",
                  # and of classes and instances
                  "__class__", "__mro__", "__bases__", "__annotations__", *CLASS_DUNDERS,
                  # abc
                  "__abstractmethods__", "__isabstractmethod__",
                  # typing.TypedDict classes
                  "__total__", "__required_keys__", "__optional_keys__",
                  # a subscribed generic class
                  "__origin__", "__args__"}
BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow,
          ast.LShift, ast.RShift, ast.BitOr, ast.BitXor, ast.BitAnd,
          ast.MatMult)  # `@`: user classes' __matmul__
FORBIDDEN_NODES = {"TryStar": "except*", "AsyncFor": "async for"}
# os.path is posixpath (runtime/builtins/python/posixpath.py).
POSIXPATH = {"join", "split", "splitext", "splitdrive", "basename", "dirname", "exists", "isfile", "isdir",
             "abspath", "normpath", "expanduser", "getsize", "isabs", "relpath", "commonprefix", "sep",
             "curdir", "pardir", "extsep", "altsep", "pathsep", "defpath", "devnull"}
# The modules stitch provides (runtime/builtins/src/modules/) and the names of each
# that the subset has.
MODULES = {
    "cmath": {
        "pi", "e", "tau", "inf", "nan", "infj", "nanj", "sqrt", "exp", "log", "log10", "phase", "polar",
        "rect", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
        "atanh", "isclose", "isfinite", "isinf", "isnan",
    },
    "math": {"remainder", 
        "pi", "e", "tau", "inf", "nan", "sqrt", "exp", "exp2", "expm1", "log", "log2", "log10",
        "log1p", "pow", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh",
        "tanh", "asinh", "acosh", "atanh", "cbrt", "erf", "erfc", "fabs", "fmod", "modf", "frexp",
        "ldexp", "copysign", "floor", "ceil", "trunc", "isfinite", "isinf", "isnan", "isclose",
        "degrees", "radians", "hypot", "dist", "fsum", "prod", "isqrt", "factorial", "gcd", "lcm",
        "comb", "perm", "nextafter", "ulp", "gamma", "lgamma",
    },
    "sys": {"exc_info", "exception", "modules", "path", "platform", "argv", "exit", "maxsize", "version_info", "float_info", "int_info", "setrecursionlimit", "getrecursionlimit", "stdin", "stdout", "stderr", "hexversion", "byteorder", "maxunicode", "intern", "getdefaultencoding", "getfilesystemencoding"},
    "time": {"time", "perf_counter", "monotonic", "process_time", "time_ns", "perf_counter_ns",
             "monotonic_ns", "sleep"},
    "random": {"Random", "seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "uniform",
               "sample", "choices", "gauss", "normalvariate"},
    "bisect": {"bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right"},
    "hashlib": {"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new"},
    "heapq": {"heappush", "heappop", "heapify", "heapreplace", "heappushpop", "nlargest", "nsmallest", "merge"},
    "typing": {"TypeVar", "TypedDict", "Any", "Callable", "ClassVar", "Counter", "DefaultDict", "Deque", "Dict", "FrozenSet",
               "Generator", "Generic", "Hashable", "Iterable", "Iterator", "List", "Literal", "Mapping",
               "MutableMapping", "MutableSequence", "NoReturn", "Optional", "Protocol", "Sequence", "Set",
               "Sized", "Tuple", "Type", "Union", "Final", "Annotated", "TYPE_CHECKING",
               "AbstractSet", "Collection", "Container", "Reversible", "TypeAlias", "Self", "AnyStr", "cast",
               "overload", "NewType", "final", "runtime_checkable", "no_type_check", "ParamSpec", "NamedTuple"},
    "__future__": {"annotations"},
    "collections": {"deque", "defaultdict", "Counter", "OrderedDict", "namedtuple", "ChainMap", "UserDict", "UserList"},
    "collections.abc": {"Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable",
                        "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable",
                        "Collection", "Set", "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
                        "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString"},
    "itertools": {"count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "takewhile",
                  "filterfalse", "groupby", "islice", "starmap", "tee", "zip_longest", "product",
                  "permutations", "combinations", "combinations_with_replacement", "pairwise"},
    "functools": {"reduce", "partial", "lru_cache", "cache", "wraps", "cmp_to_key", "total_ordering", "update_wrapper",
                  "singledispatch", "singledispatchmethod", "cached_property", "partialmethod",
                  "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES"},
    "operator": {"matmul", "imatmul", "iconcat", "ior", "iand", "ixor", "itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift", "call", "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "and_", "or_", "xor", "lshift",
                 "rshift", "iadd", "isub", "imul", "lt", "le", "eq", "ne", "gt", "ge", "neg", "pos",
                 "invert", "inv", "abs", "not_", "truth", "is_", "is_not", "concat", "contains", "countOf",
                 "indexOf", "getitem", "setitem", "delitem", "index", "itemgetter", "attrgetter",
                 "methodcaller"},
    "string": {"Template", "capwords", "ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits",
               "punctuation", "whitespace", "printable"},
    "copy": {"copy", "deepcopy"},
    "io": {"StringIO"},
    "array": {"array", "typecodes"},
    "json": {"dumps", "loads", "dump", "load", "JSONDecodeError", "JSONEncoder", "JSONDecoder"},
    "re": {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "escape",
           "purge", "error", "Pattern", "Match", "NOFLAG", "A", "ASCII", "I", "IGNORECASE", "M", "MULTILINE",
           "S", "DOTALL", "X", "VERBOSE", "U", "UNICODE"},
    "enum": {"Enum", "IntEnum", "Flag", "IntFlag", "StrEnum", "auto", "unique"},
    "dataclasses": {"dataclass", "field", "fields", "asdict", "astuple", "replace", "is_dataclass",
                    "MISSING", "KW_ONLY", "FrozenInstanceError"},
    "abc": {"ABC", "ABCMeta", "abstractmethod"},
    "posix": {"getcwd", "listdir", "getpid", "cpu_count", "urandom", "open", "read", "write", "lseek",
              "close", "remove", "unlink", "mkdir", "rmdir", "rename", "O_RDONLY", "O_WRONLY", "O_RDWR",
              "O_CREAT", "O_EXCL", "O_TRUNC", "O_APPEND", "SEEK_SET", "SEEK_CUR", "SEEK_END"},
    "numbers": {"Number", "Complex", "Real", "Rational", "Integral"},
    # Written in Python (runtime/builtins/python/unittest.py, pathlib.py).
    "unittest": {"TestCase", "TestSuite", "TestLoader", "TextTestRunner", "TextTestResult", "TestResult",
                 "FunctionTestCase", "SkipTest", "skip", "skipIf", "skipUnless", "expectedFailure", "main",
                 "defaultTestLoader", "TestProgram"},
    "pathlib": {"PurePath", "PurePosixPath", "Path", "PosixPath"},
    "difflib": {"SequenceMatcher", "Differ", "ndiff", "get_close_matches", "IS_LINE_JUNK", "IS_CHARACTER_JUNK",
                "Match"},
    # Written in Python (runtime/builtins/python/).
    "csv": {"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect", "excel",
            "excel_tab", "unix_dialect", "reader", "writer", "register_dialect", "get_dialect", "list_dialects",
            "unregister_dialect", "field_size_limit", "DictReader", "DictWriter"},
    "base64": {"b64encode", "b64decode", "standard_b64encode", "standard_b64decode", "urlsafe_b64encode",
               "urlsafe_b64decode", "b16encode", "b16decode", "encodebytes", "decodebytes"},
    "binascii": {"Error", "Incomplete", "hexlify", "unhexlify", "b2a_hex", "a2b_hex", "b2a_base64", "a2b_base64",
                 "crc32"},
    "struct": {"calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error"},
    "warnings": {"warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
                 "resetwarnings", "catch_warnings", "filters", "defaultaction", "onceregistry", "WarningMessage"},
    "argparse": {"ArgumentParser", "ArgumentError", "ArgumentTypeError", "Action", "FileType", "HelpFormatter",
                 "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
                 "MetavarTypeHelpFormatter", "Namespace", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER",
                 "SUPPRESS", "ZERO_OR_MORE", "BooleanOptionalAction"},
    "contextlib": {"contextmanager", "suppress", "nullcontext", "closing"},
    "asyncio": {"run", "sleep", "gather", "create_task", "ensure_future", "wait_for", "wait", "as_completed", "shield",
                "get_event_loop", "get_running_loop", "new_event_loop", "set_event_loop", "current_task",
                "all_tasks", "iscoroutine", "Future", "Task", "Event", "Lock", "Semaphore", "BoundedSemaphore",
                "Condition", "Queue", "PriorityQueue", "LifoQueue", "QueueEmpty", "QueueFull", "CancelledError",
                "InvalidStateError", "TimeoutError", "ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"},
    "queue": {"Queue", "PriorityQueue", "LifoQueue", "SimpleQueue", "Empty", "Full"},
    "textwrap": {"TextWrapper", "wrap", "fill", "shorten", "dedent", "indent"},
    "logging": {"getLogger", "basicConfig", "debug", "info", "warning", "error", "critical", "exception", "log",
                "disable", "getLevelName", "addLevelName", "StreamHandler", "NullHandler", "FileHandler", "Handler",
                "Formatter", "Filter", "LoggerAdapter", "Logger", "LogRecord", "DEBUG", "INFO", "WARNING", "ERROR",
                "CRITICAL", "NOTSET", "root"},
    "traceback": {"format_exc", "print_exc", "format_exception", "print_exception", "format_exception_only"},
    "gc": {"collect", "enable", "disable", "isenabled", "get_threshold", "set_threshold", "get_count"},
    "types": {"FunctionType", "UnionType", "LambdaType", "GeneratorType", "MethodType", "BuiltinFunctionType", "BuiltinMethodType",
              "ModuleType", "NoneType", "SimpleNamespace"},
    "pprint": {"pprint", "pformat", "pp", "saferepr", "isreadable", "isrecursive", "PrettyPrinter"},
    "timeit": {"timeit", "repeat", "default_timer", "Timer"},
    "os": {"path", "name", "sep", "altsep", "extsep", "pathsep", "curdir", "pardir", "defpath", "devnull",
           "linesep", "getcwd", "listdir", "getpid", "cpu_count", "urandom", "environ", "getenv",
           "open", "read", "write", "lseek", "close", "remove", "unlink", "mkdir", "makedirs", "rmdir", "fspath",
           "rename", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_CREAT", "O_EXCL", "O_TRUNC", "O_APPEND",
           "SEEK_SET", "SEEK_CUR", "SEEK_END"},
    "os.path": POSIXPATH,
    "posixpath": POSIXPATH,
    "fractions": {"Fraction"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR"},
    "statistics": {"StatisticsError", "mean", "fmean", "median", "median_low", "median_high", "mode",
                   "multimode", "variance", "pvariance", "stdev", "pstdev"},
    "doctest": {"testmod", "run_docstring_examples", "DONT_ACCEPT_TRUE_FOR_1", "DONT_ACCEPT_BLANKLINE",
                "NORMALIZE_WHITESPACE", "ELLIPSIS", "SKIP", "IGNORE_EXCEPTION_DETAIL",
                "REPORT_ONLY_FIRST_FAILURE", "FAIL_FAST", "COMPARISON_FLAGS", "REPORTING_FLAGS",
                "BLANKLINE_MARKER", "ELLIPSIS_MARKER"},
}


class Linter(ast.NodeVisitor):
    def __init__(self, fname, tree):
        self.fname = fname
        self.problems = []
        self.defined = set()
        # Attributes the program sets (on functions): it may read them back.
        self.set_attrs = set()
        # The classes the program defines and their methods: it may call them.
        self.classes = set()
        self.methods = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                self.classes.add(node.name)
                self.defined.add(node.name)
                # A nested class is called as an attribute (`Outer.Inner()`).
                self.methods.add(node.name)
                for stmt in node.body:
                    # Class attributes bound in the body (`__version__ = "1.0"`).
                    if isinstance(stmt, ast.Assign):
                        self.set_attrs.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
                        # A callable class attribute (`dim = partialmethod(...)`) is a method.
                        if isinstance(stmt.value, ast.Call):
                            self.methods.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
                    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.methods.add(stmt.name)
                        if stmt.name == "__getattr__":
                            # `registry.handler(...)`: its functions, found by `__getattr__`.
                            self.methods.update(n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                self.set_attrs.add(node.attr)
            # A class decorator's `cls.name = function` adds a method.
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
                for t in node.targets:
                    if isinstance(t, ast.Attribute):
                        self.methods.add(t.attr)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.defined.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                self.defined.add(node.id)
            elif isinstance(node, ast.arg):
                self.defined.add(node.arg)
            # Names a `case` pattern captures.
            elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
                self.defined.add(node.name)
            elif isinstance(node, ast.MatchMapping) and node.rest:
                self.defined.add(node.rest)
        self.func_depth = 0
        self.block_depth = 0
        # Names bound to modules by `import`.
        self.modules = {}
        # Names bound to the program's own modules (and what it imports from them):
        # their attributes are the program's own.
        self.own = set()

    def bad(self, node, msg):
        self.problems.append("%s:%d: %s" % (self.fname, getattr(node, "lineno", 0), msg))

    def generic_visit(self, node):
        kind = type(node).__name__
        if kind in FORBIDDEN_NODES:
            self.bad(node, "not in subset: " + FORBIDDEN_NODES[kind])
        super().generic_visit(node)

    def own_module(self, name):
        """A module or package of the program's own, beside it (as CPython's
        sys.path[0] finds it), or a name no module has (ModuleNotFoundError)."""
        top = name.split(".")[0]
        if top not in MODULES and top not in sys.stdlib_module_names:
            return True
        path = os.path.join(os.path.dirname(os.path.join(HERE, self.fname)), top)
        return os.path.isfile(path + ".py") or os.path.isfile(os.path.join(path, "__init__.py"))

    def visit_Set(self, node):
        # `{*a, b}`: star-unpacking in a set display is in the subset.
        for e in node.elts:
            self.visit(e.value if isinstance(e, ast.Starred) else e)

    def visit_Import(self, node):
        for alias in node.names:
            if self.own_module(alias.name):
                self.own.add((alias.asname or alias.name).split(".")[0])
                continue
            if alias.name not in MODULES:
                if not os.path.basename(self.fname).startswith("unsupported_"):
                    self.bad(node, "module %s not provided" % alias.name)
                continue
            if alias.asname:
                self.modules[alias.asname] = alias.name
            else:
                # `import os.path` binds `os`; `os.path` is then an attribute of it.
                top = alias.name.split(".")[0]
                self.modules[top] = top

    def visit_ImportFrom(self, node):
        # Relative imports are resolved when they run (a package's modules, or
        # CPython's ImportError in a script).
        if node.level or self.own_module(node.module):
            self.own.update(a.asname or a.name for a in node.names)
            return
        if node.module not in MODULES:
            if not os.path.basename(self.fname).startswith("unsupported_"):
                self.bad(node, "module %s not provided" % node.module)
            return
        for alias in node.names:
            if alias.name != "*" and alias.name not in MODULES[node.module]:
                self.bad(node, "%s.%s not provided" % (node.module, alias.name))

    def visit_AnnAssign(self, node):
        # Hints are checked for their names only (see emission/annotations.rs).
        self._target(node.target)
        if node.value is not None:
            self.visit(node.value)

    def visit_FunctionDef(self, node):
        a = node.args
        for d in node.decorator_list:
            self.visit(d)
        for d in a.defaults + [d for d in a.kw_defaults if d is not None]:
            self.visit(d)
        self.func_depth += 1
        for stmt in node.body:
            self.visit(stmt)
        self.func_depth -= 1

    def visit_ClassDef(self, node):
        if any(k.arg is None for k in node.keywords):
            self.bad(node, "class keywords from **")
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                dunder = stmt.name.startswith("__") and stmt.name.endswith("__")
                if dunder and stmt.name not in CLASS_DUNDERS:
                    self.bad(stmt, "special method %s not in subset" % stmt.name)
            self.visit(stmt)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        a = node.args
        for d in a.defaults + [d for d in a.kw_defaults if d is not None]:
            self.visit(d)
        self.visit(node.body)

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id in self.own:
            return
        if isinstance(node.value, ast.Name) and node.value.id in self.modules:
            module = self.modules[node.value.id]
            submodule = module + "." + node.attr in MODULES
            if node.attr not in MODULES[module] and node.attr not in ("__name__", "__dict__") and not submodule:
                self.bad(node, "%s.%s not provided" % (module, node.attr))
            return
        # Methods taken as values, attributes of functions; other names raise
        # AttributeError as in CPython, but CPython's other dunders are not modelled.
        dunder = node.attr.startswith("__") and node.attr.endswith("__")
        if dunder and node.attr not in FUNCTION_ATTRS and node.attr not in self.set_attrs and node.attr != "__members__":
            self.bad(node, "attribute %s not in subset" % node.attr)
        self.visit(node.value)

    def _block(self, node):
        self.block_depth += 1
        self.generic_visit(node)
        self.block_depth -= 1

    visit_If = visit_For = visit_While = _block

    def _target(self, t, aug=False):
        if isinstance(t, ast.Name):
            return
        if isinstance(t, ast.Attribute):
            self.visit(t.value)
            return
        if isinstance(t, ast.Subscript):
            # Slice assignment (steps included) is in the subset.
            return
        if not aug and isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self._target(e.value if isinstance(e, ast.Starred) else e)
            return
        self.bad(t, "unsupported assignment target " + type(t).__name__)

    def visit_Assign(self, node):
        for t in node.targets:
            self._target(t)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._target(node.target, aug=True)
        if not isinstance(node.op, BINOPS):
            self.bad(node, "operator")
        self.generic_visit(node)

    def visit_For(self, node):
        self._target(node.target)
        self._block(node)

    def visit_comprehension(self, node):
        self._target(node.target)
        if node.is_async:
            self.bad(node, "async comprehension")
        self.generic_visit(node)

    def visit_Delete(self, node):
        for t in node.targets:
            if isinstance(t, ast.Name):
                continue
            if not isinstance(t, (ast.Subscript, ast.Attribute)):
                self.bad(node, "del is only allowed on names, attributes and subscripts (slices included)")
        self.generic_visit(node)

    def visit_Constant(self, node):
        if not (node.value is None or node.value is Ellipsis or isinstance(node.value, (bool, int, float, complex, str, bytes))):
            self.bad(node, "constant of type " + type(node.value).__name__)

    def visit_BinOp(self, node):
        if not isinstance(node.op, BINOPS):
            self.bad(node, "operator " + type(node.op).__name__)
        self.generic_visit(node)

    def visit_Compare(self, node):
        operands = [node.left] + node.comparators
        for i, op in enumerate(node.ops):
            if isinstance(op, (ast.Is, ast.IsNot)):
                sides = operands[i:i + 2]
                if not any(isinstance(s, ast.Constant) and (
                        s.value is None or s.value is True or s.value is False or s.value is Ellipsis)
                        or isinstance(s, ast.Name) and (s.id in self.classes or s.id in self.own or s.id == "Ellipsis"
                                                        or s.id in EXCEPTION_NAMES)
                        or isinstance(s, ast.Call) and isinstance(s.func, ast.Name) and s.func.id == "type"
                        # A new instance of a program's class (a metaclass may return a cached one).
                        or isinstance(s, ast.Call) and isinstance(s.func, ast.Name) and s.func.id in self.classes
                        or isinstance(s, ast.Attribute) and s.attr == "__class__"
                        # Enum members (`Color.RED`, `Color['RED']`): one object each.
                        or isinstance(s, (ast.Attribute, ast.Subscript)) and isinstance(s.value, ast.Name)
                        and s.value.id in self.classes
                        for s in sides):
                    self.bad(node, "`is` only with None/True/False")
        self.generic_visit(node)

    def visit_FormattedValue(self, node):
        if node.conversion not in (-1, ord("r"), ord("s"), ord("a")):
            self.bad(node, "f-string conversion other than !r/!s/!a")
        if node.format_spec is not None:
            # Nested fields in a spec (`{x:>{width}}`) are in the subset.
            self.visit(node.format_spec)
        self.visit(node.value)

    def _check_args(self, node, what, spec):
        lo, hi, kws = spec
        n = len(node.args)
        starred = any(isinstance(a, ast.Starred) for a in node.args)
        if not starred and (n < lo or (hi is not None and n > hi)):
            self.bad(node, "%s called with %d positional args" % (what, n))
        for k in node.keywords:
            if what in ("dict()", ".format()"):
                continue
            if kws is not None and (k.arg is None or k.arg not in kws):
                self.bad(node, "%s keyword %r not in subset" % (what, k.arg))

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, ast.Name):
            if f.id in ALLOWED_BUILTINS and f.id not in self.defined:
                self._check_args(node, f.id + "()", ALLOWED_BUILTINS[f.id])
                if f.id == "isinstance" and len(node.args) == 2:
                    t = node.args[1]
                    names = t.elts if isinstance(t, ast.Tuple) else [t]
                    # `int | str`: a union of the types on either side.
                    while any(isinstance(nm, ast.BinOp) and isinstance(nm.op, ast.BitOr) for nm in names):
                        names = [side for nm in names for side in
                                 ((nm.left, nm.right) if isinstance(nm, ast.BinOp) and isinstance(nm.op, ast.BitOr) else (nm,))]
                    for nm in names:
                        if isinstance(nm, ast.Attribute) and isinstance(nm.value, ast.Name) and nm.value.id == "self":
                            continue  # a type the object holds (`self.kind`)
                        if not (isinstance(nm, ast.Name) and (nm.id in TYPE_NAMES or nm.id not in dir(builtins))
                                or isinstance(nm, ast.Attribute) and isinstance(nm.value, ast.Name)
                                and nm.value.id in self.modules):
                            self.bad(node, "isinstance type not in subset")
            elif f.id in dir(builtins) and f.id not in self.defined:
                self.bad(node, "builtin %s() not in subset" % f.id)
            self.visit(f)
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in self.own:
            pass
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in self.modules:
            self.visit(f)
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Attribute) \
                and isinstance(f.value.value, ast.Name) and f.value.value.id in self.modules \
                and self.modules[f.value.value.id] + "." + f.value.attr in MODULES:
            # `os.path.join(...)`: a function of a submodule reached through its parent.
            submodule = self.modules[f.value.value.id] + "." + f.value.attr
            if f.attr not in MODULES[submodule]:
                self.bad(node, "%s.%s not provided" % (submodule, f.attr))
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "object" \
                and f.attr in ("__setattr__", "__getattribute__", "__delattr__"):
            pass  # object.__setattr__(self, name, value), object.__getattribute__(self, name), object.__delattr__(self, name)
        elif isinstance(f, ast.Attribute):
            if f.attr in self.methods:
                pass
            elif f.attr not in ALLOWED_METHODS:
                # err_attr_* programs call a misspelt method on purpose (the
                # AttributeError and its suggestion are what they test).
                if not os.path.basename(self.fname).startswith("err_attr_"):
                    self.bad(node, "method .%s() not in subset" % f.attr)
            else:
                self._check_args(node, "." + f.attr + "()", ALLOWED_METHODS[f.attr])
            self.visit(f.value)
        else:
            self.visit(f)
        for a in node.args:
            # `f(*xs)` is in the subset; other star-unpacking is not.
            self.visit(a.value if isinstance(a, ast.Starred) else a)
        for k in node.keywords:
            self.visit(k.value)

    def visit_Name(self, node):
        if node.id in TYPE_NAMES or node.id in ALLOWED_BUILTINS or node.id == "__name__":
            return
        if node.id in dir(builtins) and node.id not in self.defined and node.id not in (
                "True", "False", "None", "NotImplemented", "Ellipsis"):
            self.bad(node, "builtin name %s not in subset" % node.id)


def lint_tokens(fname, source):
    problems = []
    toks = tokenize.generate_tokens(io.StringIO(source).readline)
    for tok in toks:
        line = tok.start[0]
        if tok.type == tokenize.NUMBER:
            s = tok.string.lower()
            if len(s) > 1 and s[0] == "0" and s.isdigit() and s.strip("0"):
                problems.append("%s:%d: numeric literal %s" % (fname, line, tok.string))
        elif tok.type == tokenize.STRING:
            s = tok.string
            prefix = s[:len(s) - len(s.lstrip("bBrRuUfF"))]
            # Raw strings (regular expressions) and bytes are in the subset too.
            if prefix.lower() not in ("", "f", "r", "rf", "fr", "b", "rb", "br"):
                problems.append("%s:%d: string prefix %r" % (fname, line, prefix))
            body = s[len(prefix):]
            # Triple-quoted strings are in the subset (VERBOSE patterns, text blocks).
        if tok.type == tokenize.NL or tok.type == tokenize.NEWLINE:
            if tok.line.rstrip("\n").endswith("\\") and tok.type == tokenize.NL:
                problems.append("%s:%d: backslash continuation" % (fname, line))
    return problems


def lint(directories):
    # Programs that test deep nesting (deep_unary_ok) need more than the default.
    sys.setrecursionlimit(20000)
    problems = []
    count = 0
    for directory in directories:
        for prog in discover(directory, []):
            path = os.path.join(directory, prog)
            with open(path, encoding="utf-8") as f:
                source = f.read()
            count += 1
            try:
                tree = ast.parse(source, path)
            except SyntaxError as e:
                # Programs that test CPython's compile errors expect theirs.
                status = read_bytes(os.path.join(directory, prog[:-3] + ".status")) or b""
                if (type(e).__name__ + ": " + str(e.msg)).encode() not in status:
                    problems.append("%s: syntax error %s" % (prog, e))
                continue
            except (RecursionError, MemoryError):
                # Programs nested too deeply to compile (err_deep_*_chain): CPython
                # refuses them, and so does stitch; there is nothing to lint.
                continue
            linter = Linter(os.path.relpath(path, HERE), tree)
            try:
                linter.visit(tree)
            except RecursionError:
                problems.append("%s: nested too deeply to lint" % prog)
            problems.extend(linter.problems)
            problems.extend(lint_tokens(os.path.relpath(path, HERE), source))
    print("linted %d program(s)" % count)
    for p in problems:
        print("  " + p)
    if problems:
        print("%d subset problem(s)" % len(problems))
        return 1
    print("all inside the subset")
    return 0


def main(argv):
    args = {"check": False, "python": "python3", "timeout": None, "names": []}
    mode_lint = False
    bench = False
    it = iter(argv)
    for a in it:
        if a == "--check":
            args["check"] = True
        elif a == "--lint":
            mode_lint = True
        elif a == "--benchmarks":
            bench = True
        elif a == "--python":
            args["python"] = next(it)
        elif a == "--timeout":
            args["timeout"] = float(next(it))
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        elif a.startswith("-"):
            sys.exit("unknown option " + a)
        else:
            args["names"].append(a)
    if mode_lint:
        return lint([HERE, BENCH_DIR] if os.path.isdir(BENCH_DIR) else [HERE])
    if args["timeout"] is None:
        args["timeout"] = 60.0 if bench else 10.0
    return record_or_check(args, BENCH_DIR if bench else HERE, bench)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
