"""The classes of string that stitch writes in Python: Template. The native string
module takes the names in __all__ when it is first imported.

Placeholders are found by a scanner that follows CPython's default pattern (the
delimiter, then the delimiter again, an ASCII identifier, or one in braces); a
subclass that changes `idpattern`, `braceidpattern`, `flags` or `pattern` is refused.
"""

import sys as _sys

__all__ = ["Template"]

_ID_START = "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ID_REST = _ID_START + "0123456789"


def _identifier_end(text, i):
    """Where the ASCII identifier starting at `i` ends (`i` when there is none)."""
    if i >= len(text) or text[i] not in _ID_START:
        return i
    i += 1
    while i < len(text) and text[i] in _ID_REST:
        i += 1
    return i


class _Lookup:
    """Keyword arguments in front of the mapping, as CPython's ChainMap gives them."""

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        if key in self._first:
            return self._first[key]
        return self._second[key]


class Template:
    """A string with $-placeholders substituted from a mapping."""

    __module__ = "string"
    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None

    def __init__(self, template):
        cls = type(self)
        if (cls.idpattern != Template.idpattern or cls.braceidpattern is not None
                or getattr(cls, "pattern", None) is not None or getattr(cls, "flags", None) is not None):
            _sys._stitch_unsupported("a string.Template subclass with its own pattern")
        self.template = template

    def _pieces(self):
        """The template as (kind, text, name, start) pieces: kind is "text", "escaped",
        "named" (from $name or ${name}) or "invalid"; `text` is what was matched."""
        text = self.template
        delim = self.delimiter
        pieces = []
        i = 0
        start = 0
        while True:
            at = text.find(delim, i)
            if at < 0:
                break
            after = at + len(delim)
            if text.startswith(delim, after):
                kind, end, name = "escaped", after + len(delim), None
            else:
                end = _identifier_end(text, after)
                if end > after:
                    kind, name = "named", text[after:end]
                elif text.startswith("{", after):
                    close = _identifier_end(text, after + 1)
                    if close > after + 1 and text.startswith("}", close):
                        kind, end, name = "named", close + 1, text[after + 1:close]
                    else:
                        kind, end, name = "invalid", after, None
                else:
                    kind, end, name = "invalid", after, None
            if at > start:
                pieces.append(("text", text[start:at], None, start))
            pieces.append((kind, text[at:end], name, at))
            i = start = end
        if start < len(text):
            pieces.append(("text", text[start:], None, start))
        return pieces

    def _invalid(self, i):
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        lookup = _mapping(mapping, kws)
        out = []
        for kind, text, name, at in self._pieces():
            if kind == "named":
                out.append(str(lookup[name]))
            elif kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                self._invalid(at + len(self.delimiter))
            else:
                out.append(text)
        return "".join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        lookup = _mapping(mapping, kws)
        out = []
        for kind, text, name, at in self._pieces():
            if kind == "named":
                try:
                    out.append(str(lookup[name]))
                except KeyError:
                    out.append(text)
            elif kind == "escaped":
                out.append(self.delimiter)
            else:
                out.append(text)
        return "".join(out)

    def is_valid(self):
        for kind, text, name, at in self._pieces():
            if kind == "invalid":
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, text, name, at in self._pieces():
            if kind == "invalid":
                self._invalid(at + len(self.delimiter))
            if kind == "named" and name not in ids:
                ids.append(name)
        return ids


def _mapping(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        return _Lookup(kws, mapping)
    return mapping
