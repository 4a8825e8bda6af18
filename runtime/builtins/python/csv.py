"""Comma-separated values as CPython 3.11's csv reads and writes them: reader and
writer over any iterable of lines and any object with write (files opened with
newline='', io.StringIO), DictReader and DictWriter, the dialects excel, excel-tab
and unix and the format parameters (delimiter, quotechar, escapechar, doublequote,
skipinitialspace, lineterminator, quoting, strict), and csv.Error with CPython's
messages.

The reader is CPython's state machine, one character at a time, with the end of each
line as one more event: so quoted fields across lines, doubled quotes and stray
quotes come out as CPython's do. CPython writes this part in C (_csv).
"""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect", "excel",
           "excel_tab", "unix_dialect", "reader", "writer", "register_dialect", "get_dialect", "list_dialects",
           "unregister_dialect", "field_size_limit", "DictReader", "DictWriter", "__version__"]

__version__ = "1.0"
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


class Dialect:
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False


class excel(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}
_field_limit = [131072]


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Format(dialect if dialect is not None else excel, fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    return _dialects[name]


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    old = _field_limit[0]
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit[0] = args[0]
    return old


_PARAMS = ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator",
           "quoting", "strict")


class _Format:
    """A dialect's parameters with the keyword arguments over them, checked as CPython
    checks them."""

    def __init__(self, dialect, fmtparams):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for name in fmtparams:
            if name not in _PARAMS:
                raise TypeError("'%s' is an invalid keyword argument for Dialect()" % name)
        for name in _PARAMS:
            if name in fmtparams:
                value = fmtparams[name]
            else:
                value = getattr(dialect, name, None)
            setattr(self, name, value)
        if self.delimiter is None:
            self.delimiter = ","
        if self.doublequote is None:
            self.doublequote = True
        if self.skipinitialspace is None:
            self.skipinitialspace = False
        if self.lineterminator is None:
            self.lineterminator = "\r\n"
        if self.quoting is None:
            self.quoting = QUOTE_MINIMAL
        if self.strict is None:
            self.strict = False
        if not isinstance(self.delimiter, str):
            raise TypeError('"delimiter" must be string, not %s' % type(self.delimiter).__name__)
        if len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quotechar is not None:
            if not isinstance(self.quotechar, str):
                raise TypeError('"quotechar" must be string or None, not %s' % type(self.quotechar).__name__)
            if len(self.quotechar) != 1:
                raise TypeError('"quotechar" must be a 1-character string')
        elif self.quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")
        if self.escapechar is not None and (not isinstance(self.escapechar, str) or len(self.escapechar) != 1):
            raise TypeError('"escapechar" must be a 1-character string')
        if not isinstance(self.lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        if self.quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError("bad \"quoting\" value")


# Reader states.
_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD, _ESCAPE_IN_QUOTED_FIELD, \
    _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL = range(9)
_EOL = None


class _Reader:
    def __init__(self, lines, dialect="excel", **fmtparams):
        self._lines = iter(lines)
        self.dialect = _Format(dialect, fmtparams)
        self.line_num = 0

    def __iter__(self):
        return self

    def _save_field(self):
        text = "".join(self._field)
        if self._numeric:
            self._numeric = False
            text = float(text)
        self._fields.append(text)
        self._field = []

    def _add_char(self, c):
        if len(self._field) >= _field_limit[0]:
            raise Error("field larger than field limit (%d)" % _field_limit[0])
        self._field.append(c)

    def _start_field(self, c):
        d = self.dialect
        if c == "\n" or c == "\r" or c is _EOL:
            self._save_field()
            self._state = _START_RECORD if c is _EOL else _EAT_CRNL
        elif c == d.quotechar and d.quoting != QUOTE_NONE:
            self._numeric = False
            self._state = _IN_QUOTED_FIELD
        elif c == d.escapechar:
            self._state = _ESCAPED_CHAR
        elif c == " " and d.skipinitialspace:
            pass
        elif c == d.delimiter:
            self._save_field()
        else:
            self._add_char(c)
            self._state = _IN_FIELD

    def _in_field(self, c):
        d = self.dialect
        if c == "\n" or c == "\r" or c is _EOL:
            self._save_field()
            self._state = _START_RECORD if c is _EOL else _EAT_CRNL
        elif c == d.escapechar:
            self._state = _ESCAPED_CHAR
        elif c == d.delimiter:
            self._save_field()
            self._state = _START_FIELD
            self._numeric = d.quoting == QUOTE_NONNUMERIC
        else:
            self._add_char(c)

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return
            if c == "\n" or c == "\r":
                self._state = _EAT_CRNL
                return
            self._state = _START_FIELD
            self._numeric = d.quoting == QUOTE_NONNUMERIC
            self._start_field(c)
        elif state == _START_FIELD:
            self._start_field(c)
        elif state == _ESCAPED_CHAR:
            if c == "\n" or c == "\r":
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_FIELD
        elif state == _AFTER_ESCAPED_CRNL:
            if c is not _EOL:
                self._in_field(c)
        elif state == _IN_FIELD:
            self._in_field(c)
        elif state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
                self._numeric = d.quoting == QUOTE_NONNUMERIC
            elif c == "\n" or c == "\r" or c is _EOL:
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c == "\n" or c == "\r":
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - do you need to open the file in "
                            "universal-newline mode?")

    def __next__(self):
        self._fields = []
        self._field = []
        self._numeric = False
        self._state = _START_RECORD
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if self._state != _START_RECORD and self._state != _EAT_CRNL and (
                        self._field or self._state == _IN_QUOTED_FIELD):
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s (the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            for c in line:
                if c == "\0":
                    raise Error("line contains NUL")
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, dialect, **fmtparams)


class _Writer:
    def __init__(self, fileobj, dialect="excel", **fmtparams):
        self._write = fileobj.write
        self.dialect = _Format(dialect, fmtparams)

    def _field_text(self, field, only):
        d = self.dialect
        if field is None:
            text = ""
            numeric = False
        elif isinstance(field, float):
            text = repr(field)
            numeric = True
        elif isinstance(field, int):
            text = str(field)
            numeric = True
        else:
            text = str(field)
            numeric = False
        quote = d.quoting == QUOTE_ALL or (d.quoting == QUOTE_NONNUMERIC and not numeric)
        if d.quoting == QUOTE_MINIMAL and only and text == "":
            quote = True
        out = []
        specials = d.delimiter + d.lineterminator + "\r\n"
        for c in text:
            escape = False
            if c in specials or c == d.escapechar or (c == d.quotechar and d.quotechar is not None):
                if d.quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(c)
                        else:
                            escape = True
                    elif c == d.escapechar:
                        escape = True
                    if not quote and d.quoting == QUOTE_MINIMAL:
                        quote = True
                if escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        text = "".join(out)
        if quote:
            if d.quotechar is None:
                raise Error("need to escape, but no escapechar set")
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        try:
            items = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        only = len(items) == 1
        if not items and self.dialect.quoting == QUOTE_NONE:
            raise Error("single empty field record must be quoted")
        line = self.dialect.delimiter.join(self._field_text(f, only) for f in items)
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, dialect, **fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        names = self.fieldnames
        d = dict(zip(names, row))
        lf = len(names)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in names[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(self._dict_to_list(r) for r in rowdicts)


class Sniffer:
    def __init__(self):
        import sys
        sys._stitch_unsupported("csv.Sniffer")
