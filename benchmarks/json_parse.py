# A hand-written JSON-like reader and writer: a generator of a nested document
# (objects, arrays, strings with escapes, ints, floats, true/false/null) from a
# linear congruential generator, a serializer to text, a character-level tokenizer
# and a recursive-descent parser back to Python values, then a walk over the result.
# Round-trips must agree. String building, indexing, dict and list construction.

SEED = 2024


def rand(n):
    global SEED
    SEED = (SEED * 1103515245 + 12345) & 0x7FFFFFFF
    return (SEED >> 8) % n


KEYS = ["id", "name", "tags", "price", "stock", "active", "parent", "children", "note", "weight"]
LETTERS = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ\"\\/\n\t0123456789"


def gen_string():
    return "".join(LETTERS[rand(len(LETTERS))] for _ in range(3 + rand(12)))


def gen_value(depth):
    k = rand(10 if depth < 4 else 6)
    if k == 0:
        return rand(100000) - 50000
    if k == 1:
        return (rand(2000000) - 1000000) / 64.0
    if k == 2:
        return gen_string()
    if k == 3:
        return [True, False, None][rand(3)]
    if k == 4:
        return rand(1000)
    if k == 5:
        return gen_string().upper()
    if k < 8:
        return [gen_value(depth + 1) for _ in range(rand(6))]
    obj = {}
    for _ in range(1 + rand(6)):
        obj[KEYS[rand(len(KEYS))] + str(rand(3))] = gen_value(depth + 1)
    return obj


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "/": "\\/"}


def dump(v, out):
    if v is None:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif isinstance(v, int):
        out.append(str(v))
    elif isinstance(v, float):
        out.append(repr(v))
    elif isinstance(v, str):
        out.append('"')
        for ch in v:
            out.append(ESCAPES.get(ch, ch))
        out.append('"')
    elif isinstance(v, list):
        out.append("[")
        for i, x in enumerate(v):
            if i:
                out.append(", ")
            dump(x, out)
        out.append("]")
    else:
        out.append("{")
        first = True
        for k, x in v.items():
            if not first:
                out.append(", ")
            first = False
            dump(k, out)
            out.append(": ")
            dump(x, out)
        out.append("}")


class ParseError(Exception):
    pass


UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "b": "\b", "f": "\f", "r": "\r"}
DIGITS = set("0123456789")
NUMBER_CHARS = set("0123456789+-.eE")


class Lexer:
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.tokens = 0

    def skip_ws(self):
        text = self.text
        n = len(text)
        p = self.pos
        while p < n and text[p] in " \t\n\r":
            p += 1
        self.pos = p

    def next_token(self):
        self.skip_ws()
        self.tokens += 1
        text = self.text
        if self.pos >= len(text):
            return ("eof", None)
        ch = text[self.pos]
        if ch in "{}[]:,":
            self.pos += 1
            return (ch, None)
        if ch == '"':
            return ("str", self.read_string())
        if ch == "-" or ch in DIGITS:
            return ("num", self.read_number())
        for word, value in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, self.pos):
                self.pos += len(word)
                return ("lit", value)
        raise ParseError("unexpected %r at %d" % (ch, self.pos))

    def read_string(self):
        text = self.text
        p = self.pos + 1
        parts = []
        start = p
        while True:
            ch = text[p]
            if ch == '"':
                parts.append(text[start:p])
                self.pos = p + 1
                return "".join(parts)
            if ch == "\\":
                parts.append(text[start:p])
                esc = text[p + 1]
                if esc == "u":
                    parts.append(chr(int(text[p + 2:p + 6], 16)))
                    p += 6
                else:
                    parts.append(UNESCAPE[esc])
                    p += 2
                start = p
            else:
                p += 1

    def read_number(self):
        text = self.text
        start = self.pos
        p = start
        n = len(text)
        is_float = False
        while p < n and text[p] in NUMBER_CHARS:
            if text[p] in ".eE":
                is_float = True
            p += 1
        self.pos = p
        s = text[start:p]
        return float(s) if is_float else int(s)


class Parser:
    def __init__(self, text):
        self.lexer = Lexer(text)
        self.tok = self.lexer.next_token()

    def advance(self):
        self.tok = self.lexer.next_token()

    def expect(self, kind):
        if self.tok[0] != kind:
            raise ParseError("expected %s, got %s" % (kind, self.tok[0]))
        self.advance()

    def value(self):
        kind, val = self.tok
        if kind == "{":
            return self.obj()
        if kind == "[":
            return self.arr()
        if kind in ("str", "num", "lit"):
            self.advance()
            return val
        raise ParseError("unexpected token " + kind)

    def obj(self):
        self.advance()
        result = {}
        if self.tok[0] == "}":
            self.advance()
            return result
        while True:
            kind, key = self.tok
            if kind != "str":
                raise ParseError("object key must be a string")
            self.advance()
            self.expect(":")
            result[key] = self.value()
            if self.tok[0] == ",":
                self.advance()
                continue
            self.expect("}")
            return result

    def arr(self):
        self.advance()
        result = []
        if self.tok[0] == "]":
            self.advance()
            return result
        while True:
            result.append(self.value())
            if self.tok[0] == ",":
                self.advance()
                continue
            self.expect("]")
            return result


def parse(text):
    p = Parser(text)
    v = p.value()
    if p.tok[0] != "eof":
        raise ParseError("trailing data")
    return v, p.lexer.tokens


def walk(v, stats):
    if isinstance(v, dict):
        stats["objects"] += 1
        for k, x in v.items():
            stats["keylen"] += len(k)
            walk(x, stats)
    elif isinstance(v, list):
        stats["arrays"] += 1
        for x in v:
            walk(x, stats)
    elif isinstance(v, str):
        stats["strings"] += 1
        stats["chars"] += len(v)
    elif v is None or v is True or v is False:
        stats["literals"] += 1
    elif isinstance(v, int):
        stats["ints"] += 1
        stats["intsum"] += v
    else:
        stats["floats"] += 1
        stats["floatsum"] += v


def main():
    for rnd in range(7):
        doc = {"round": rnd, "items": [gen_value(0) for _ in range(3600)]}
        out = []
        dump(doc, out)
        text = "".join(out)
        back, tokens = parse(text)
        if back != doc:
            raise RuntimeError("round trip failed")
        out2 = []
        dump(back, out2)
        if "".join(out2) != text:
            raise RuntimeError("second dump differs")
        stats = {"objects": 0, "arrays": 0, "strings": 0, "chars": 0, "literals": 0,
                 "ints": 0, "intsum": 0, "floats": 0, "floatsum": 0.0, "keylen": 0}
        walk(back, stats)
        stats["floatsum"] = "%.4f" % stats["floatsum"]
        print("round", rnd, "chars", len(text), "tokens", tokens)
        print("  ", " ".join("%s=%s" % kv for kv in sorted(stats.items())))
    try:
        parse('{"a": [1, 2,, 3]}')
    except ParseError as e:
        print("error:", e)


main()
