"""Unit testing as CPython 3.11's unittest does it: TestCase with its assert methods,
fixtures (setUp/tearDown, setUpClass/tearDownClass, setUpModule/tearDownModule,
cleanups), subTest, the skip decorators and expected failures, TestSuite, TestLoader,
TestResult, TextTestRunner and main(), with CPython's reports, messages and exit codes.

Stitch has no traceback objects: a failure's report is stitch's own report of the
exception (`sys._stitch_format_exception`) with this module's frames left out, as
CPython leaves out the frames of its unittest package. Not provided (refused):
assertWarns, assertLogs, mocks, test discovery, and main()'s options other than -v,
-q, -f and test names."""

import sys as _sys
import time as _time
import re as _re

__all__ = ["TestResult", "TestCase", "TestSuite", "TextTestRunner", "TestLoader", "FunctionTestCase", "main",
           "defaultTestLoader", "SkipTest", "skip", "skipIf", "skipUnless", "expectedFailure", "TextTestResult",
           "addModuleCleanup", "doModuleCleanups", "enterModuleContext", "IsolatedAsyncioTestCase",
           "getTestCaseNames", "makeSuite", "findTestCases", "installHandler", "registerResult",
           "removeResult", "removeHandler", "BaseTestSuite"]

__unittest = True

_MY_FILE = globals().get("__file__", "<stitch>/unittest.py")


def _refuse(what):
    _sys._stitch_unsupported(what)


# ---------------------------------------------------------------------------
# Printed forms of values in messages (CPython's unittest.util)
# ---------------------------------------------------------------------------

_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN + _PLACEHOLDER_LEN + _MIN_END_LEN)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if not short or len(text) < _MAX_LENGTH:
        return text
    return text[:_MAX_LENGTH] + " [truncated]..."


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def _elide(text, keep_front, keep_back):
    """`text` with its middle replaced by a count, when that makes it shorter."""
    skipped = len(text) - keep_front - keep_back
    if skipped > _PLACEHOLDER_LEN:
        return "%s[%d chars]%s" % (text[:keep_front], skipped, text[len(text) - keep_back:])
    return text


def _common_prefix(texts):
    first = min(texts)
    last = max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def _common_shorten_repr(*values):
    """The reprs of `values`, their common start and their tails shortened so that
    the differing parts stay visible."""
    reprs = tuple(safe_repr(v) for v in values)
    longest = max(len(r) for r in reprs)
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = _common_prefix(reprs)
    cut = len(prefix)
    room = _MAX_LENGTH - (longest - cut + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        prefix = _elide(prefix, _MIN_BEGIN_LEN, room)
        return tuple(prefix + r[cut:] for r in reprs)
    prefix = _elide(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(prefix + _elide(r[cut:], _MIN_DIFF_LEN, _MIN_END_LEN) for r in reprs)


def _ordered_count(items):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _count_differences_hashable(actual, expected):
    """(count in actual, count in expected, element) for each element whose counts
    differ, in the order the elements first appear."""
    a = _ordered_count(actual)
    b = _ordered_count(expected)
    out = []
    for elem, n in a.items():
        m = b.get(elem, 0)
        if n != m:
            out.append((n, m, elem))
    for elem, m in b.items():
        if elem not in a:
            out.append((0, m, elem))
    return out


def _count_differences_any(actual, expected):
    """The same for elements that may not be hashable: counted by ==."""
    gone = object()
    a = list(actual)
    b = list(expected)
    out = []
    for i in range(len(a)):
        elem = a[i]
        if elem is gone:
            continue
        n = 0
        for j in range(i, len(a)):
            if a[j] == elem:
                n += 1
                a[j] = gone
        m = 0
        for j in range(len(b)):
            if b[j] == elem:
                m += 1
                b[j] = gone
        if n != m:
            out.append((n, m, elem))
    for i in range(len(b)):
        elem = b[i]
        if elem is gone:
            continue
        m = 0
        for j in range(i, len(b)):
            if b[j] == elem:
                m += 1
                b[j] = gone
        out.append((0, m, elem))
    return out


# ---------------------------------------------------------------------------
# Skipping and expected failures
# ---------------------------------------------------------------------------

class SkipTest(Exception):
    """Raise this (or call TestCase.skipTest) to skip the running test."""

    __module__ = 'unittest.case'


class _ShouldStop(Exception):
    """Stops a test after a failed subtest when failing fast."""


def _is_function(obj):
    return type(obj).__name__ == "function"


# What the decorators mark classes with, by class: CPython sets `__unittest_skip__`,
# `__unittest_skip_why__` and `__unittest_expecting_failure__` on the class, which
# stitch's classes do not take (its functions do, and carry them as CPython's).
_class_marks = {}


def _mark_of(item, name, default=None):
    """A decorator's mark on a class (or a base class) or on a function."""
    if isinstance(item, type):
        for cls in item.__mro__:
            marks = _class_marks.get(cls)
            if marks is not None and name in marks:
                return marks[name]
        return default
    if type(item).__name__ != "function":
        return default
    return getattr(item, name, default)


def _set_mark(item, name, value):
    if isinstance(item, type):
        _class_marks.setdefault(item, {})[name] = value
    else:
        setattr(item, name, value)


def skip(reason):
    """A decorator that skips a test function or a TestCase class."""
    def decorator(item):
        if not isinstance(item, type):
            inner = item

            def skip_wrapper(*args, **kwargs):
                raise SkipTest(reason)
            skip_wrapper.__name__ = inner.__name__
            skip_wrapper.__qualname__ = inner.__qualname__
            skip_wrapper.__doc__ = inner.__doc__
            skip_wrapper.__module__ = inner.__module__
            item = skip_wrapper
        _set_mark(item, "__unittest_skip__", True)
        _set_mark(item, "__unittest_skip_why__", reason)
        return item
    if _is_function(reason):
        item = reason
        reason = ""
        return decorator(item)
    return decorator


def _id(obj):
    return obj


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return _id


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return _id


def expectedFailure(test_item):
    _set_mark(test_item, "__unittest_expecting_failure__", True)
    return test_item


# ---------------------------------------------------------------------------
# Reports of exceptions
# ---------------------------------------------------------------------------

def _exception_chain(exc):
    """The exceptions of `exc`'s report in the order they are printed."""
    seen = set()
    order = []

    def walk(e):
        seen.add(id(e))
        if e.__cause__ is not None and id(e.__cause__) not in seen:
            walk(e.__cause__)
        elif e.__context__ is not None and not e.__suppress_context__ and id(e.__context__) not in seen:
            walk(e.__context__)
        order.append(e)
    walk(exc)
    return order


_LINKS = ("\nThe above exception was the direct cause of the following exception:\n\n",
          "\nDuring handling of the above exception, another exception occurred:\n\n")


def _split_sections(text):
    """The report cut into one piece per exception, and the links between them."""
    pieces = []
    links = []
    rest = text
    while True:
        cut = -1
        link = None
        for candidate in _LINKS:
            k = rest.find(candidate)
            if k >= 0 and (cut < 0 or k < cut):
                cut = k
                link = candidate
        if cut < 0:
            pieces.append(rest)
            return pieces, links
        pieces.append(rest[:cut])
        links.append(link)
        rest = rest[cut + len(link):]


def _clean_section(section, is_failure):
    """One exception's report without this module's frames: those before the test's
    first frame, and for a failure every frame from this module's first one on (the
    assert method that raised)."""
    lines = section.splitlines(keepends=True)
    head = []
    frames = []
    tail = []
    i = 0
    while i < len(lines) and not lines[i].startswith("  File "):
        head.append(lines[i])
        i += 1
        if head[-1].startswith("Traceback"):
            break
    while i < len(lines) and lines[i].startswith("  File "):
        frame = [lines[i]]
        i += 1
        while i < len(lines) and lines[i].startswith("    "):
            frame.append(lines[i])
            i += 1
        frames.append(frame)
    tail = lines[i:]
    mine = '  File "' + _MY_FILE + '"'
    k = 0
    while k < len(frames) and frames[k][0].startswith(mine):
        k += 1
    kept = []
    for frame in frames[k:]:
        if is_failure and frame[0].startswith(mine):
            break
        kept.append(frame)
    if not kept and head and head[-1].startswith("Traceback"):
        head = head[:-1]
    out = "".join(head)
    for frame in kept:
        out += "".join(frame)
    return out + "".join(tail)


def _exc_info_to_string(exc, test):
    text = _sys._stitch_format_exception(exc)
    chain = _exception_chain(exc)
    pieces, links = _split_sections(text)
    if len(pieces) != len(chain):
        return text
    failure = getattr(test, "failureException", AssertionError)
    out = ""
    for n in range(len(pieces)):
        out += _clean_section(pieces[n], type(chain[n]) is failure)
        if n < len(links):
            out += links[n]
    return out


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

class TestResult:
    """The outcomes of the tests run: lists of (test, report) for failures and errors,
    (test, reason) for skips."""

    __module__ = 'unittest.result'

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False

    def printErrors(self):
        pass

    def startTest(self, test):
        self.testsRun += 1

    def startTestRun(self):
        pass

    def stopTest(self, test):
        pass

    def stopTestRun(self):
        pass

    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        if self.failfast:
            self.stop()

    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        if self.failfast:
            self.stop()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if self.failfast:
                self.stop()
            if issubclass(err[0], test.failureException):
                self.failures.append((subtest, self._exc_info_to_string(err, test)))
            else:
                self.errors.append((subtest, self._exc_info_to_string(err, test)))

    def addSuccess(self, test):
        pass

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return len(self.failures) == len(self.errors) == 0 and len(self.unexpectedSuccesses) == 0

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        return _exc_info_to_string(err[1], test)

    def __repr__(self):
        return "<%s run=%i errors=%i failures=%i>" % (strclass(self.__class__), self.testsRun,
                                                      len(self.errors), len(self.failures))


class _WritelnDecorator:
    """A stream with `writeln`."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, name):
        if name in ("stream", "__getstate__"):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def write(self, text):
        self.stream.write(text)

    def flush(self):
        flush = getattr(self.stream, "flush", None)
        if flush is not None:
            flush()

    def writeln(self, arg=None):
        if arg:
            self.write(arg)
        self.write("\n")


class TextTestResult(TestResult):
    """A result that reports on a stream: a character per test, or a line per test
    at verbosity 2 and more."""

    __module__ = 'unittest.runner'

    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        self._newline = True

    def getDescription(self, test):
        first = test.shortDescription()
        if self.descriptions and first:
            return "\n".join((str(test), first))
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(" ... ")
            self.stream.flush()
            self._newline = False

    def _write_status(self, test, status):
        is_subtest = isinstance(test, _SubTest)
        if is_subtest or self._newline:
            if not self._newline:
                self.stream.writeln()
            if is_subtest:
                self.stream.write("  ")
            self.stream.write(self.getDescription(test))
            self.stream.write(" ... ")
        self.stream.writeln(status)
        self.stream.flush()
        self._newline = True

    def _mark(self, char):
        self.stream.write(char)
        self.stream.flush()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], subtest.failureException)
            if self.showAll:
                self._write_status(subtest, "FAIL" if failed else "ERROR")
            elif self.dots:
                self._mark("F" if failed else "E")
        super().addSubTest(test, subtest, err)

    def addSuccess(self, test):
        super().addSuccess(test)
        if self.showAll:
            self._write_status(test, "ok")
        elif self.dots:
            self._mark(".")

    def addError(self, test, err):
        super().addError(test, err)
        if self.showAll:
            self._write_status(test, "ERROR")
        elif self.dots:
            self._mark("E")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        if self.showAll:
            self._write_status(test, "FAIL")
        elif self.dots:
            self._mark("F")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        if self.showAll:
            self._write_status(test, "skipped {0!r}".format(reason))
        elif self.dots:
            self._mark("s")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        if self.showAll:
            self.stream.writeln("expected failure")
            self.stream.flush()
        elif self.dots:
            self._mark("x")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        if self.showAll:
            self.stream.writeln("unexpected success")
            self.stream.flush()
        elif self.dots:
            self._mark("u")

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.writeln()
            self.stream.flush()
        self.printErrorList("ERROR", self.errors)
        self.printErrorList("FAIL", self.failures)
        if self.unexpectedSuccesses:
            self.stream.writeln(self.separator1)
            for test in self.unexpectedSuccesses:
                self.stream.writeln("UNEXPECTED SUCCESS: " + self.getDescription(test))
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.writeln(self.separator1)
            self.stream.writeln("%s: %s" % (flavour, self.getDescription(test)))
            self.stream.writeln(self.separator2)
            self.stream.writeln("%s" % err)
            self.stream.flush()


class TextTestRunner:
    """Runs tests and reports on a stream (stderr by default)."""

    __module__ = 'unittest.runner'

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False,
                 resultclass=None, warnings=None, *, tb_locals=False):
        if stream is None:
            stream = _sys.stderr
        if buffer:
            _refuse("unittest's buffer=True (capturing the tests' output)")
        if tb_locals:
            _refuse("unittest's tb_locals=True")
        self.stream = _WritelnDecorator(stream)
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        result = self._makeResult()
        result.failfast = self.failfast
        result.buffer = self.buffer
        result.tb_locals = self.tb_locals
        import warnings
        with warnings.catch_warnings():
            if self.warnings:
                # CPython's: the filter asked for over every warning, and the old
                # assert names' warnings once per module.
                warnings.simplefilter(self.warnings)
                if self.warnings in ["default", "always"]:
                    warnings.filterwarnings("module", category=DeprecationWarning,
                                            message=r"Please use assert\w+ instead.")
            start = _time.perf_counter()
            start_run = getattr(result, "startTestRun", None)
            if start_run is not None:
                start_run()
            try:
                test(result)
            finally:
                stop_run = getattr(result, "stopTestRun", None)
                if stop_run is not None:
                    stop_run()
            taken = _time.perf_counter() - start
        result.printErrors()
        if hasattr(result, "separator2"):
            self.stream.writeln(result.separator2)
        run = result.testsRun
        self.stream.writeln("Ran %d test%s in %.3fs" % (run, "s" if run != 1 else "", taken))
        self.stream.writeln()
        expected_fails = len(result.expectedFailures)
        unexpected = len(result.unexpectedSuccesses)
        skipped = len(result.skipped)
        infos = []
        if not result.wasSuccessful():
            self.stream.write("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        else:
            self.stream.write("OK")
        if skipped:
            infos.append("skipped=%d" % skipped)
        if expected_fails:
            infos.append("expected failures=%d" % expected_fails)
        if unexpected:
            infos.append("unexpected successes=%d" % unexpected)
        if infos:
            self.stream.writeln(" (%s)" % (", ".join(infos),))
        else:
            self.stream.write("\n")
        self.stream.flush()
        return result


def registerResult(result):
    pass


def removeResult(result):
    return True


def installHandler():
    _refuse("unittest.installHandler (control-C handling)")


def removeHandler(method=None):
    _refuse("unittest.removeHandler (control-C handling)")


# ---------------------------------------------------------------------------
# Test cases
# ---------------------------------------------------------------------------

def _add_skip(result, test, reason):
    add = getattr(result, "addSkip", None)
    if add is not None:
        add(test, reason)
    else:
        result.addSuccess(test)


def _add_error(result, test, exc_info):
    if exc_info is not None:
        if issubclass(exc_info[0], test.failureException):
            result.addFailure(test, exc_info)
        else:
            result.addError(test, exc_info)


class _Outcome:
    """What the parts of one test (set-up, the method, subtests, tear-down) gave."""

    def __init__(self, result):
        self.result = result
        self.expecting_failure = False
        self.success = True
        self.expectedFailure = None
        self.result_supports_subtests = hasattr(result, "addSubTest")


class _Part:
    """A `with` block running one part of a test: its exception becomes the result's
    skip, failure or error (or an expected failure), and the test goes on."""

    def __init__(self, outcome, test_case, is_subtest=False):
        self.outcome = outcome
        self.test_case = test_case
        self.is_subtest = is_subtest

    def __enter__(self):
        self.old_success = self.outcome.success
        self.outcome.success = True
        return self

    def __exit__(self, kind, value, tb):
        outcome = self.outcome
        try:
            if kind is None:
                if self.is_subtest and outcome.success:
                    outcome.result.addSubTest(self.test_case.test_case, self.test_case, None)
                return False
            if issubclass(kind, KeyboardInterrupt):
                return False
            if issubclass(kind, SkipTest):
                outcome.success = False
                _add_skip(outcome.result, self.test_case, str(value))
                return True
            if issubclass(kind, _ShouldStop):
                return True
            if not issubclass(kind, BaseException):
                return False
            exc_info = (kind, value, None)
            if outcome.expecting_failure:
                outcome.expectedFailure = exc_info
            else:
                outcome.success = False
                if self.is_subtest:
                    outcome.result.addSubTest(self.test_case.test_case, self.test_case, exc_info)
                else:
                    _add_error(outcome.result, self.test_case, exc_info)
            return True
        finally:
            outcome.success = outcome.success and self.old_success


class _SubTestContext:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __enter__(self):
        case = self.case
        outcome = case._outcome
        self.active = outcome is not None and outcome.result_supports_subtests
        if not self.active:
            return None
        self.parent = case._subtest
        if self.parent is None:
            params = dict(self.params)
        else:
            params = dict(self.params)
            for k, v in self.parent.params.items():
                if k not in params:
                    params[k] = v
        case._subtest = _SubTest(case, self.msg, params)
        self.part = _Part(outcome, case._subtest, True)
        self.part.__enter__()
        return None

    def __exit__(self, kind, value, tb):
        if not self.active:
            return False
        case = self.case
        try:
            handled = self.part.__exit__(kind, value, tb)
            if kind is not None and not handled:
                return False
            outcome = case._outcome
            if not outcome.success:
                if outcome.result is not None and outcome.result.failfast:
                    raise _ShouldStop
            elif outcome.expectedFailure:
                raise _ShouldStop
            return True
        finally:
            case._subtest = self.parent


_SUBTEST_NO_MESSAGE = object()


class _AssertRaisesContext:
    """assertRaises and assertRaisesRegex as a context manager (and the work of the
    callable form)."""

    def __init__(self, expected, test_case, expected_regex=None):
        self.expected = expected
        self.test_case = test_case
        if expected_regex is not None:
            expected_regex = _re.compile(expected_regex)
        self.expected_regex = expected_regex
        self.obj_name = None
        self.msg = None

    def _check_expected(self, name):
        classes = self.expected if isinstance(self.expected, tuple) else (self.expected,)
        for c in classes:
            if not (isinstance(c, type) and issubclass(c, BaseException)):
                raise TypeError("%s() arg 1 must be an exception type or tuple of exception types" % name)

    def handle(self, name, args, kwargs):
        self._check_expected(name)
        if not args:
            self.msg = kwargs.pop("msg", None)
            if kwargs:
                raise TypeError("%r is an invalid keyword argument for this function" % (next(iter(kwargs)),))
            return self
        callable_obj = args[0]
        args = args[1:]
        if type(callable_obj).__name__ == "method":
            # Stitch's bound methods do not show their function's names.
            self.obj_name = callable_obj.__func__.__name__
        else:
            self.obj_name = getattr(callable_obj, "__name__", None)
        if self.obj_name is None:
            self.obj_name = str(callable_obj)
        with self:
            callable_obj(*args, **kwargs)
        return None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            if self.obj_name:
                self._fail("{} not raised by {}".format(name, self.obj_name))
            else:
                self._fail("{} not raised".format(name))
        if not issubclass(kind, self.expected):
            return False
        self.exception = value
        if self.expected_regex is None:
            return True
        if not self.expected_regex.search(str(value)):
            self._fail('"{}" does not match "{}"'.format(self.expected_regex.pattern, str(value)))
        return True

    def _fail(self, standard):
        msg = self.test_case._formatMessage(self.msg, standard)
        raise self.test_case.failureException(msg)


class TestCase:
    """A test: one of the class's `test*` methods, run with the class's fixtures."""

    __module__ = 'unittest.case'

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _classSetupFailed = False
    _class_cleanups = []

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = "No test"
        self._subtest = None
        self._cleanups = []
        try:
            method = getattr(self, methodName)
        except AttributeError:
            if methodName != "runTest":
                raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))
        else:
            # The function's: stitch's bound methods do not show their __doc__.
            self._testMethodDoc = getattr(type(self), methodName).__doc__

    def __init_subclass__(cls, *args, **kwargs):
        cls._classSetupFailed = False
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    # -- fixtures --------------------------------------------------------------

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        result = type(cm).__enter__(cm)
        self.addCleanup(type(cm).__exit__, cm, None, None, None)
        return result

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        result = type(cm).__enter__(cm)
        cls.addClassCleanup(type(cm).__exit__, cm, None, None, None)
        return result

    def doCleanups(self):
        outcome = self._outcome
        if outcome is None:
            outcome = _Outcome(TestResult())
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            with _Part(outcome, self):
                function(*args, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        cls.tearDown_exceptions = []
        while cls._class_cleanups:
            function, args, kwargs = cls._class_cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception as e:
                cls.tearDown_exceptions.append((type(e), e, None))

    # -- identity --------------------------------------------------------------

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return TestResult()

    def shortDescription(self):
        doc = self._testMethodDoc
        if doc:
            return doc.strip().split("\n")[0].strip()
        return None

    def id(self):
        return "%s.%s" % (strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, strclass(self.__class__), self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (strclass(self.__class__), self._testMethodName)

    # -- running ---------------------------------------------------------------

    def subTest(self, msg=_SUBTEST_NO_MESSAGE, **params):
        return _SubTestContext(self, msg, params)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
            result.startTestRun()
            try:
                return self._run(result)
            finally:
                result.stopTestRun()
        return self._run(result)

    def _run(self, result):
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            function = getattr(type(self), self._testMethodName, None)
            cls = self.__class__
            if _mark_of(cls, "__unittest_skip__", False) or _mark_of(function, "__unittest_skip__", False):
                why = (_mark_of(cls, "__unittest_skip_why__", "")
                       or _mark_of(function, "__unittest_skip_why__", ""))
                _add_skip(result, self, why)
                return result
            expecting_failure = (_mark_of(cls, "__unittest_expecting_failure__", False)
                                 or _mark_of(function, "__unittest_expecting_failure__", False))
            outcome = _Outcome(result)
            try:
                self._outcome = outcome
                with _Part(outcome, self):
                    self.setUp()
                if outcome.success:
                    outcome.expecting_failure = expecting_failure
                    with _Part(outcome, self):
                        if method() is not None:
                            _refuse("a test method that returns a value (CPython warns of it)")
                    outcome.expecting_failure = False
                    with _Part(outcome, self):
                        self.tearDown()
                self.doCleanups()
                if outcome.success:
                    if expecting_failure:
                        if outcome.expectedFailure:
                            add = getattr(result, "addExpectedFailure", None)
                            if add is not None:
                                add(self, outcome.expectedFailure)
                            else:
                                result.addSuccess(self)
                        else:
                            add = getattr(result, "addUnexpectedSuccess", None)
                            if add is not None:
                                add(self)
                            else:
                                result.addFailure(self, None)
                    else:
                        result.addSuccess(self)
                return result
            finally:
                outcome.expectedFailure = None
                self._outcome = None
        finally:
            result.stopTest(self)

    # -- assertions ------------------------------------------------------------

    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return "%s : %s" % (standardMsg, msg)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%s is not false" % safe_repr(expr)))

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%s is not true" % safe_repr(expr)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self).handle("assertRaises", args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self, expected_regex).handle("assertRaisesRegex", args, kwargs)

    def assertWarns(self, *args, **kwargs):
        _refuse("unittest's assertWarns")

    def assertWarnsRegex(self, *args, **kwargs):
        _refuse("unittest's assertWarnsRegex")

    def assertLogs(self, *args, **kwargs):
        _refuse("unittest's assertLogs")

    def assertNoLogs(self, *args, **kwargs):
        _refuse("unittest's assertNoLogs")

    def _equality_check(self, first, second):
        if type(first) is type(second):
            t = type(first)
            if t is dict:
                return self.assertDictEqual
            if t is list:
                return self.assertListEqual
            if t is tuple:
                return self.assertTupleEqual
            if t is set or t is frozenset:
                return self.assertSetEqual
            if t is str:
                return self.assertMultiLineEqual
            own = getattr(self, "_type_equality_funcs", None)
            if own and t in own:
                check = own[t]
                if isinstance(check, str):
                    return getattr(self, check)
                return check
        return self._baseAssertEqual

    def addTypeEqualityFunc(self, typeobj, function):
        if not hasattr(self, "_type_equality_funcs") or "_type_equality_funcs" not in self.__dict__:
            self._type_equality_funcs = {}
        self._type_equality_funcs[typeobj] = function

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            standard = "%s != %s" % _common_shorten_repr(first, second)
            self.fail(self._formatMessage(msg, standard))

    def assertEqual(self, first, second, msg=None):
        self._equality_check(first, second)(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%s == %s" % (safe_repr(first), safe_repr(second))))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%s != %s within %s delta (%s difference)" % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%s != %s within %r places (%s difference)" % (
                safe_repr(first), safe_repr(second), places, safe_repr(diff))
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = "%s == %s within %s delta (%s difference)" % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = "%s == %s within %r places" % (safe_repr(first), safe_repr(second), places)
        self.fail(self._formatMessage(msg, standard))

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + ("\nDiff is %s characters long. Set self.maxDiff to None to see it." % len(diff))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is not None:
            name = seq_type.__name__
            if not isinstance(seq1, seq_type):
                raise self.failureException("First sequence is not a %s: %s" % (name, safe_repr(seq1)))
            if not isinstance(seq2, seq_type):
                raise self.failureException("Second sequence is not a %s: %s" % (name, safe_repr(seq2)))
        else:
            name = "sequence"
        differing = None
        try:
            len1 = len(seq1)
        except (TypeError, NotImplementedError):
            differing = "First %s has no length.    Non-sequence?" % name
        if differing is None:
            try:
                len2 = len(seq2)
            except (TypeError, NotImplementedError):
                differing = "Second %s has no length.    Non-sequence?" % name
        if differing is None:
            if seq1 == seq2:
                return
            differing = "%ss differ: %s != %s\n" % ((name.capitalize(),) + _common_shorten_repr(seq1, seq2))
            for i in range(min(len1, len2)):
                try:
                    item1 = seq1[i]
                except (TypeError, IndexError, NotImplementedError):
                    differing += "\nUnable to index element %d of first %s\n" % (i, name)
                    break
                try:
                    item2 = seq2[i]
                except (TypeError, IndexError, NotImplementedError):
                    differing += "\nUnable to index element %d of second %s\n" % (i, name)
                    break
                if item1 != item2:
                    differing += "\nFirst differing element %d:\n%s\n%s\n" % ((i,) + _common_shorten_repr(item1, item2))
                    break
            else:
                if len1 == len2 and seq_type is None and type(seq1) != type(seq2):
                    return
            if len1 > len2:
                differing += "\nFirst %s contains %d additional elements.\n" % (name, len1 - len2)
                try:
                    differing += "First extra element %d:\n%s\n" % (len2, safe_repr(seq1[len2]))
                except (TypeError, IndexError, NotImplementedError):
                    differing += "Unable to index element %d of first %s\n" % (len2, name)
            elif len1 < len2:
                differing += "\nSecond %s contains %d additional elements.\n" % (name, len2 - len1)
                try:
                    differing += "First extra element %d:\n%s\n" % (len1, safe_repr(seq2[len1]))
                except (TypeError, IndexError, NotImplementedError):
                    differing += "Unable to index element %d of second %s\n" % (len1, name)
        standard = differing
        import difflib
        import pprint
        diff = "\n" + "\n".join(difflib.ndiff(pprint.pformat(seq1).splitlines(), pprint.pformat(seq2).splitlines()))
        standard = self._truncateMessage(standard, diff)
        self.fail(self._formatMessage(msg, standard))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        try:
            only1 = set1.difference(set2)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("first argument does not support set difference: %s" % e)
        try:
            only2 = set2.difference(set1)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("second argument does not support set difference: %s" % e)
        if not (only1 or only2):
            return
        lines = []
        if only1:
            lines.append("Items in the first set but not the second:")
            for item in only1:
                lines.append(repr(item))
        if only2:
            lines.append("Items in the second set but not the first:")
            for item in only2:
                lines.append(repr(item))
        self.fail(self._formatMessage(msg, "\n".join(lines)))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, "First argument is not a dictionary")
        self.assertIsInstance(d2, dict, "Second argument is not a dictionary")
        if d1 != d2:
            standard = "%s != %s" % _common_shorten_repr(d1, d2)
            import difflib
            import pprint
            diff = "\n" + "\n".join(difflib.ndiff(pprint.pformat(d1).splitlines(), pprint.pformat(d2).splitlines()))
            standard = self._truncateMessage(standard, diff)
            self.fail(self._formatMessage(msg, standard))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        if first != second:
            if len(first) > 2 ** 16 or len(second) > 2 ** 16:
                # Too long to compare line by line.
                self._baseAssertEqual(first, second, msg)
            first_lines = first.splitlines(keepends=True)
            second_lines = second.splitlines(keepends=True)
            if len(first_lines) == 1 and first.strip("\r\n") == first:
                first_lines = [first + "\n"]
                second_lines = [second + "\n"]
            standard = "%s != %s" % _common_shorten_repr(first, second)
            import difflib
            diff = "\n" + "".join(difflib.ndiff(first_lines, second_lines))
            standard = self._truncateMessage(standard, diff)
            self.fail(self._formatMessage(msg, standard))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            standard = "%s not found in %s" % (safe_repr(member), safe_repr(container))
            self.fail(self._formatMessage(msg, standard))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            standard = "%s unexpectedly found in %s" % (safe_repr(member), safe_repr(container))
            self.fail(self._formatMessage(msg, standard))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, "%s is not %s" % (safe_repr(expr1), safe_repr(expr2))))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %s" % (safe_repr(expr1),)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%s is not None" % (safe_repr(obj),)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is not an instance of %r" % (safe_repr(obj), cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is an instance of %r" % (safe_repr(obj), cls)))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, "%s not less than %s" % (safe_repr(a), safe_repr(b))))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, "%s not less than or equal to %s" % (safe_repr(a), safe_repr(b))))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, "%s not greater than %s" % (safe_repr(a), safe_repr(b))))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, "%s not greater than or equal to %s" % (safe_repr(a), safe_repr(b))))

    def assertCountEqual(self, first, second, msg=None):
        first_items = list(first)
        second_items = list(second)
        try:
            a = _ordered_count(first_items)
            b = _ordered_count(second_items)
        except TypeError:
            differences = _count_differences_any(first_items, second_items)
        else:
            if a == b:
                return
            differences = _count_differences_hashable(first_items, second_items)
        if differences:
            lines = ["First has %d, Second has %d:  %r" % d for d in differences]
            standard = "Element counts were not equal:\n" + "\n".join(lines)
            self.fail(self._formatMessage(msg, standard))

    def assertRegex(self, text, expected_regex, msg=None):
        if isinstance(expected_regex, (str, bytes)):
            expected_regex = _re.compile(expected_regex)
        if not expected_regex.search(text):
            standard = "Regex didn't match: %r not found in %r" % (expected_regex.pattern, text)
            self.fail(self._formatMessage(msg, standard))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = _re.compile(unexpected_regex)
        match = unexpected_regex.search(text)
        if match:
            standard = "Regex matched: %r matches %r in %r" % (
                text[match.start():match.end()], unexpected_regex.pattern, text)
            self.fail(self._formatMessage(msg, standard))


def _deprecated(original):
    """An old name of an assert method: CPython's DeprecationWarning, then the method."""
    def deprecated(*args, **kwargs):
        import warnings
        warnings.warn("Please use {0} instead.".format(original.__name__), DeprecationWarning, 2)
        return original(*args, **kwargs)
    return deprecated


TestCase.failUnlessEqual = TestCase.assertEquals = _deprecated(TestCase.assertEqual)
TestCase.failIfEqual = TestCase.assertNotEquals = _deprecated(TestCase.assertNotEqual)
TestCase.failUnlessAlmostEqual = TestCase.assertAlmostEquals = _deprecated(TestCase.assertAlmostEqual)
TestCase.failIfAlmostEqual = TestCase.assertNotAlmostEquals = _deprecated(TestCase.assertNotAlmostEqual)
TestCase.failUnless = TestCase.assert_ = _deprecated(TestCase.assertTrue)
TestCase.failUnlessRaises = _deprecated(TestCase.assertRaises)
TestCase.failIf = _deprecated(TestCase.assertFalse)
TestCase.assertRaisesRegexp = _deprecated(TestCase.assertRaisesRegex)
TestCase.assertRegexpMatches = _deprecated(TestCase.assertRegex)
TestCase.assertNotRegexpMatches = _deprecated(TestCase.assertNotRegex)


class FunctionTestCase(TestCase):
    """A test case around a plain function, with optional set-up and tear-down."""

    __module__ = 'unittest.case'

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return "%s (%s)" % (strclass(self.__class__), self._testFunc.__name__)

    def __repr__(self):
        return "<%s tec=%s>" % (strclass(self.__class__), self._testFunc)

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return doc and doc.split("\n")[0].strip() or None


class _SubTest(TestCase):

    __module__ = 'unittest.case'
    def __init__(self, test_case, message, params):
        super().__init__()
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")

    def _subDescription(self):
        parts = []
        if self._message is not _SUBTEST_NO_MESSAGE:
            parts.append("[{}]".format(self._message))
        if self.params:
            parts.append("({})".format(", ".join("{}={!r}".format(k, v) for (k, v) in self.params.items())))
        return " ".join(parts) or "(<subtest>)"

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())


class IsolatedAsyncioTestCase(TestCase):
    def __init__(self, methodName="runTest"):
        _refuse("unittest.IsolatedAsyncioTestCase")


# ---------------------------------------------------------------------------
# Suites
# ---------------------------------------------------------------------------

class _ErrorHolder:
    """Stands for a class or module fixture that failed, in the result's lists."""

    __module__ = 'unittest.suite'

    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def __str__(self):
        return self.id()

    def run(self, result):
        pass

    def __call__(self, result):
        return self.run(result)

    def countTestCases(self):
        return 0


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(cm):
    result = type(cm).__enter__(cm)
    addModuleCleanup(type(cm).__exit__, cm, None, None, None)
    return result


def doModuleCleanups():
    exceptions = []
    while _module_cleanups:
        function, args, kwargs = _module_cleanups.pop()
        try:
            function(*args, **kwargs)
        except Exception as exc:
            exceptions.append(exc)
    if exceptions:
        raise exceptions[0]


def _module_named(name):
    """A module's globals by name, for its setUpModule and tearDownModule: the script's
    as `__main__`; None for one stitch cannot look up."""
    if name == "__main__":
        return _sys._stitch_main_globals()
    return None


def _fixture_error(result, exc, method_name, parent, info=None):
    description = "%s (%s)" % (method_name, parent)
    error = _ErrorHolder(description)
    if isinstance(exc, SkipTest):
        _add_skip(result, error, str(exc))
    else:
        add = getattr(result, "addError", None)
        result.addError(error, (type(exc), exc, None))


class BaseTestSuite:
    """A collection of tests, run in order."""

    __module__ = 'unittest.suite'

    _cleanup = True

    def __init__(self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return "<%s tests=%s>" % (strclass(self.__class__), list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        cases = self._removed_tests
        for test in self:
            if test:
                cases += test.countTestCases()
        return cases

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def run(self, result):
        for index, test in enumerate(self):
            if result.shouldStop:
                break
            test(result)
            if self._cleanup:
                self._removeTestAtIndex(index)
        return result

    def _removeTestAtIndex(self, index):
        """Drops a test that ran (CPython frees them as it goes: a suite runs once)."""
        test = self._tests[index]
        if hasattr(test, "countTestCases"):
            self._removed_tests += test.countTestCases()
        self._tests[index] = None

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        for test in self:
            test.debug()


class TestSuite(BaseTestSuite):
    """A suite that also runs the class and module fixtures of its tests."""

    __module__ = 'unittest.suite'

    def run(self, result, debug=False):
        top_level = False
        if not getattr(result, "_testRunEntered", False):
            result._testRunEntered = top_level = True
        for index, test in enumerate(self):
            if result.shouldStop:
                break
            if not isinstance(test, BaseTestSuite):
                self._tearDownPreviousClass(test, result)
                self._handleModuleFixture(test, result)
                self._handleClassSetUp(test, result)
                result._previousTestClass = test.__class__
                if getattr(test.__class__, "_classSetupFailed", False) or getattr(result, "_moduleSetUpFailed", False):
                    continue
            test(result)
            if self._cleanup:
                self._removeTestAtIndex(index)
        if top_level:
            self._tearDownPreviousClass(None, result)
            self._handleModuleTearDown(result)
            result._testRunEntered = False
        return result

    def _handleClassSetUp(self, test, result):
        previous = getattr(result, "_previousTestClass", None)
        current = test.__class__
        if current == previous or current.__name__ == "_ErrorHolder":
            return
        if getattr(result, "_moduleSetUpFailed", False):
            return
        if _mark_of(current, "__unittest_skip__", False):
            return
        current._classSetupFailed = False
        set_up = getattr(current, "setUpClass", None)
        do_cleanups = getattr(current, "doClassCleanups", None)
        if set_up is not None:
            try:
                set_up()
            except Exception as e:
                current._classSetupFailed = True
                _fixture_error(result, e, "setUpClass", strclass(current))
                if do_cleanups is not None:
                    do_cleanups()
                    for _kind, exc, _tb in current.tearDown_exceptions:
                        _fixture_error(result, exc, "setUpClass", strclass(current))

    def _handleModuleFixture(self, test, result):
        previous_module = None
        previous = getattr(result, "_previousTestClass", None)
        if previous is not None:
            previous_module = previous.__module__
        current_module = test.__class__.__module__
        if current_module == previous_module:
            return
        self._handleModuleTearDown(result)
        result._moduleSetUpFailed = False
        module = _module_named(current_module)
        if module is None:
            return
        set_up = module.get("setUpModule")
        if set_up is not None:
            try:
                set_up()
            except Exception as e:
                result._moduleSetUpFailed = True
                _fixture_error(result, e, "setUpModule", current_module)
                try:
                    doModuleCleanups()
                except Exception as e2:
                    _fixture_error(result, e2, "setUpModule", current_module)

    def _handleModuleTearDown(self, result):
        previous = getattr(result, "_previousTestClass", None)
        if previous is None:
            return
        previous_module = previous.__module__
        if getattr(result, "_moduleSetUpFailed", False):
            return
        module = _module_named(previous_module)
        if module is None:
            return
        tear_down = module.get("tearDownModule")
        if tear_down is not None:
            try:
                tear_down()
            except Exception as e:
                _fixture_error(result, e, "tearDownModule", previous_module)
        try:
            doModuleCleanups()
        except Exception as e:
            _fixture_error(result, e, "tearDownModule", previous_module)

    def _tearDownPreviousClass(self, test, result):
        previous = getattr(result, "_previousTestClass", None)
        current = test.__class__
        if current == previous or previous is None:
            return
        if getattr(previous, "_classSetupFailed", False):
            return
        if getattr(result, "_moduleSetUpFailed", False):
            return
        if _mark_of(previous, "__unittest_skip__", False):
            return
        tear_down = getattr(previous, "tearDownClass", None)
        do_cleanups = getattr(previous, "doClassCleanups", None)
        if tear_down is None and do_cleanups is None:
            return
        if tear_down is not None:
            try:
                tear_down()
            except Exception as e:
                _fixture_error(result, e, "tearDownClass", strclass(previous))
        if do_cleanups is not None:
            do_cleanups()
            for _kind, exc, _tb in previous.tearDown_exceptions:
                _fixture_error(result, exc, "tearDownClass", strclass(previous))


# ---------------------------------------------------------------------------
# Loading tests
# ---------------------------------------------------------------------------

class TestLoader:
    """Finds the tests of a TestCase class (its callable `test*` attributes, sorted by
    name) and of a module (its TestCase classes, by name)."""

    __module__ = 'unittest.loader'

    testMethodPrefix = "test"
    suiteClass = TestSuite
    testNamePatterns = None

    def __init__(self):
        self.errors = []

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite. Maybe you meant to derive from TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return self.suiteClass([testCaseClass(name) for name in names])

    def _load_from_names(self, namespace):
        tests = []
        for name in sorted(namespace):
            obj = namespace[name]
            if isinstance(obj, type) and issubclass(obj, TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = namespace.get("load_tests")
        if load_tests is not None:
            _refuse("unittest's load_tests protocol")
        return self.suiteClass(tests)

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        if isinstance(module, dict):
            return self._load_from_names(module)
        return self._load_from_names(vars(module))

    def _load_name_in(self, name, namespace):
        parts = name.split(".")
        if parts[0] not in namespace:
            raise AttributeError("module '__main__' has no attribute '%s'" % parts[0])
        parent = None
        obj = namespace[parts[0]]
        for part in parts[1:]:
            parent, obj = obj, getattr(obj, part)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(parent, type) and issubclass(parent, TestCase) and callable(obj):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, (TestSuite, TestCase)):
                return test
            raise TypeError("calling %s returned %s, not a test" % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromName(self, name, module=None):
        if module is None:
            _refuse("unittest's loadTestsFromName without a module (importing by name)")
        namespace = module if isinstance(module, dict) else vars(module)
        return self._load_name_in(name, namespace)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])

    def getTestCaseNames(self, testCaseClass):
        prefix = self.testMethodPrefix
        names = []
        for name in dir(testCaseClass):
            if name.startswith(prefix) and callable(getattr(testCaseClass, name)):
                names.append(name)
        sort_key = getattr(self, "sortTestMethodsUsing", None)
        if sort_key is not None:
            from functools import cmp_to_key
            names.sort(key=cmp_to_key(sort_key))
        else:
            names.sort()
        return names

    def discover(self, start_dir, pattern="test*.py", top_level_dir=None):
        _refuse("unittest's test discovery")


defaultTestLoader = TestLoader()


def getTestCaseNames(testCaseClass, prefix, sortUsing=None, testNamePatterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    if sortUsing is not None:
        loader.sortTestMethodsUsing = sortUsing
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix="test", sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    if sortUsing is not None:
        loader.sortTestMethodsUsing = sortUsing
    return loader.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix="test", sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    return loader.loadTestsFromModule(module)


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

class TestProgram:
    """Loads the tests of a module (the script by default), runs them and, with
    exit=True, ends the program: exit code 0 when every test passed, else 1."""

    __module__ = 'unittest.main'

    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            if module != "__main__":
                _refuse("unittest.main() of a module named by a str other than '__main__'")
            self.module = _sys._stitch_main_globals()
            if self.module is None:
                _refuse("unittest.main() run outside the script's own code")
        else:
            self.module = module
        if argv is None:
            argv = _sys.argv
        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        # CPython's main() shows warnings unless told otherwise (stitch has no -W).
        self.warnings = "default" if warnings is None else warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0].rsplit("/", 1)[-1] if argv else None
        self.parseArgs(argv)
        self.runTests()

    def parseArgs(self, argv):
        names = []
        for arg in argv[1:]:
            if arg in ("-v", "--verbose"):
                self.verbosity = 2
            elif arg in ("-q", "--quiet"):
                self.verbosity = 0
            elif arg in ("-f", "--failfast"):
                if self.failfast is None:
                    self.failfast = True
            elif arg.startswith("-"):
                _refuse("unittest.main()'s command-line option " + arg)
            else:
                names.append(arg)
        if self.failfast is None:
            self.failfast = False
        if names:
            self.testNames = names
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self):
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def runTests(self):
        runner = self.testRunner
        if runner is None:
            runner = TextTestRunner
        if isinstance(runner, type):
            runner = runner(verbosity=self.verbosity, failfast=self.failfast, buffer=bool(self.buffer),
                            warnings=self.warnings, tb_locals=self.tb_locals)
        self.result = runner.run(self.test)
        if self.exit:
            _sys.exit(not self.result.wasSuccessful())


main = TestProgram
