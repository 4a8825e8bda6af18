"""Warnings as CPython 3.11 issues them: warn, warn_explicit, the filters
(filterwarnings, simplefilter, resetwarnings) with the actions default, error, ignore,
always, module and once, showwarning and formatwarning ("file:line: Category: message"
and the source line, on stderr), and catch_warnings (record=True, and 3.11's action
arguments).

The place a warning names is the caller's (or further out, by stacklevel), read from
stitch's frames with sys._stitch_frame_location; CPython's registry of warnings already
shown lives in each module's globals, here in one dict per file.
"""

import sys as _sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# CPython's filters for a program run without -W: DeprecationWarning shown only when
# __main__ issues it, some categories never shown.
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}
_registries = {}
_filters_version = [1]


def _filters_mutated():
    _filters_version[0] += 1


class _Pattern:
    """A filter's message or module: matched at the start (message case-insensitively)."""

    def __init__(self, text, flags):
        import re
        self._re = re.compile(text, flags)
        self.pattern = text

    def match(self, text):
        return self._re.match(text)

    def __repr__(self):
        return "re.compile(%r)" % self.pattern


def _add_filter(item, append):
    if not append:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    import re
    message_re = _Pattern(message, re.I) if message else None
    module_re = _Pattern(module, 0) if module else None
    _add_filter((action, message_re, category, module_re, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    filters[:] = []
    _filters_mutated()


def _source_line(filename, lineno):
    if not isinstance(filename, str) or not isinstance(lineno, int) or lineno <= 0:
        return None
    line = _sys._stitch_source_line(filename, lineno)
    if line is None and filename.startswith("/"):
        # stitch knows the program's files by the names they were opened by.
        import posix
        cwd = posix.getcwd() + "/"
        if filename.startswith(cwd):
            line = _sys._stitch_source_line(filename[len(cwd):], lineno)
    return line


def formatwarning(message, category, filename, lineno, line=None):
    text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        text += "  %s\n" % line.strip()
    return text


def _showwarning_impl(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = _sys.stderr
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to a file (stderr by default); a program may replace it."""
    _showwarning_impl(message, category, filename, lineno, file, line)


_showwarning_orig = showwarning
# catch_warnings(record=True) swaps this for its log's append.
_recorder = [None]


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _show(msg):
    # `warnings.showwarning = f` rebinds this module's global: looked up at each call.
    if showwarning is not _showwarning_orig:
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    if _recorder[0] is not None:
        _recorder[0](msg)
        return
    _showwarning_impl(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _module_of(filename):
    # CPython takes the module's __name__ from the frame's globals; stitch knows the
    # file: the script is __main__, another file its base name.
    if _sys.argv and filename == _sys.argv[0]:
        return "__main__"
    name = filename.rsplit("/", 1)[-1]
    if name[-3:].lower() == ".py":
        name = name[:-3]
    return name


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning, shown, ignored or raised as the filters say."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    place = _sys._stitch_frame_location(stacklevel) if stacklevel >= 1 else _sys._stitch_frame_location(0)
    if place is None:
        filename, lineno, module = "sys", 1, "sys"
    else:
        filename, lineno = place
        module = _module_of(filename)
        if not filename.startswith(("/", "<")):
            # CPython's code objects name the program's files by absolute path.
            import posixpath
            filename = posixpath.abspath(filename)
    registry = _registries.setdefault(filename, {})
    warn_explicit(message, category, filename, lineno, module, registry, None, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version[0]:
        registry.clear()
        registry["version"] = _filters_version[0]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    action = defaultaction
    for item in filters:
        act, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and issubclass(category, cat)
                and (mod is None or (mod.match(module) if not isinstance(mod, str) else mod == module))
                and (ln == 0 or lineno == ln)):
            action = act
            break
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    _show(WarningMessage(message, category, filename, lineno, None, None, source))


class catch_warnings:
    """Saves the filters and showwarning on entry and puts them back on exit; with
    record=True, the warnings shown are collected in the list `with` gives."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        if module is not None:
            _sys._stitch_unsupported("warnings.catch_warnings(module=...)")
        self._record = record
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = filters[:]
        global showwarning
        self._showwarning = showwarning
        self._saved_recorder = _recorder[0]
        _filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            _recorder[0] = log.append
            showwarning = _showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        filters[:] = self._filters
        _filters_mutated()
        showwarning = self._showwarning
        _recorder[0] = self._saved_recorder
