"""The classes of json that stitch writes in Python: JSONEncoder and JSONDecoder, which
programs subclass (overriding `default`, or passing an `object_hook`) and hand to
`dumps(cls=...)` / `loads(cls=...)`. The native json module takes the names in
__all__ when it is first imported; its dumps and loads call these classes when given
`cls`, and these call back into the native encoder and scanner."""

import json as _json

__all__ = ["JSONEncoder", "JSONDecoder"]


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        return _json.dumps(
            o,
            skipkeys=self.skipkeys,
            ensure_ascii=self.ensure_ascii,
            check_circular=self.check_circular,
            allow_nan=self.allow_nan,
            sort_keys=self.sort_keys,
            indent=self.indent,
            separators=(self.item_separator, self.key_separator),
            default=self.default,
        )

    def iterencode(self, o, _one_shot=False):
        # CPython yields the text in pieces; joined, they are this one.
        yield self.encode(o)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.strict = strict
        for name, hook in (("parse_float", parse_float), ("parse_int", parse_int),
                           ("parse_constant", parse_constant), ("object_pairs_hook", object_pairs_hook)):
            if hook is not None:
                import sys
                sys._stitch_unsupported(f"json.JSONDecoder's {name}")

    def decode(self, s):
        return _json.loads(s, object_hook=self.object_hook, strict=self.strict)
