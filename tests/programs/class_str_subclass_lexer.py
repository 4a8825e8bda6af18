# A tiny lexer whose tokens are strs that remember their kind and position.


class Token(str):
    """A piece of source text, usable anywhere a str is."""

    def __new__(cls, text, kind, pos):
        tok = super().__new__(cls, text)
        tok.kind = kind
        tok.pos = pos
        return tok

    def __repr__(self):
        return f"Token({str.__repr__(self)}, {self.kind}, {self.pos})"

    def is_keyword(self):
        return self.kind == "NAME" and self in KEYWORDS


class Identifier(str):
    """A name, normalised once when it is made."""

    def __new__(cls, raw):
        return str.__new__(cls, raw.strip().lower())

    def __str__(self):
        return "$" + str.__str__(self)

    @property
    def mangled(self):
        return "_" + self.upper()


KEYWORDS = {"let", "print", "if"}


def lex(source):
    tokens = []
    i = 0
    while i < len(source):
        c = source[i]
        if c.isspace():
            i += 1
        elif c.isalpha():
            j = i
            while j < len(source) and source[j].isalnum():
                j += 1
            tokens.append(Token(source[i:j], "NAME", i))
            i = j
        elif c.isdigit():
            j = i
            while j < len(source) and source[j].isdigit():
                j += 1
            tokens.append(Token(source[i:j], "NUMBER", i))
            i = j
        else:
            tokens.append(Token(c, "OP", i))
            i += 1
    return tokens


toks = lex("let x = 42 + y1")
print(toks)
for t in toks:
    print(t, t.kind, t.pos, t.is_keyword(), len(t), t.upper(), type(t).__name__)

# Tokens are strs: they compare, hash and key dicts as their text does.
counts = {}
for t in lex("a b a c a b"):
    counts[t] = counts.get(t, 0) + 1
print(counts, counts["a"], "b" in counts)
print(toks[0] == "let", "let" == toks[0], toks[1] < "y", sorted(toks[:3]))
print(isinstance(toks[0], str), isinstance(toks[0], Token), issubclass(Token, str))
print(type(toks[0]) is Token, type(toks[0].upper()) is str, type(toks[0] + "s") is str)
print(type(str(toks[0])) is str, type(f"{toks[0]}") is str, type(toks[0][:]) is str)
print("-".join(toks), toks[3] + toks[4], toks[0] * 2, toks[0].split("e"))
print(toks[0].__class__.__name__, Token.__mro__)
print(toks[0].__dict__)

# What str methods and operators give back is a plain str.
word = Token("  Hello  ", "NAME", 0)
for made in (word.strip(), word.lower(), word.replace("l", "L"), word.center(11, "*"), word + ""):
    print(repr(made), type(made).__name__)

n = Identifier("  Alpha ")
print(n, repr(n), [n], f"<{n}>", "%s" % n, "{}".format(n), n.mangled, n == "alpha")
print(str(n), len(n), n.startswith("al"), type(n).__name__)
seen = {Identifier("X"), Identifier(" x "), "x"}
print(len(seen))
empty = Token("", "EOF", 15)
print(repr(empty), bool(empty), bool(toks[0]))

match toks[0]:
    case Token(kind="NAME") if toks[0].is_keyword():
        print("keyword", toks[0])
    case _:
        print("other")
