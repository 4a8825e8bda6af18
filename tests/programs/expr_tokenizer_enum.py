"""A tiny stack-based calculator/interpreter and a tokenizer, in a scripting style."""
import re
import string
from collections import Counter, OrderedDict, deque, namedtuple
from enum import Enum

Token = namedtuple("Token", ["kind", "text", "pos"])

TOKEN_RE = re.compile(r"\s*(?:(\d+\.\d*|\d+)|(\w+)|(.))")


class Kind(Enum):
    NUM = "num"
    NAME = "name"
    OP = "op"


def tokenize(src):
    out = []
    for m in TOKEN_RE.finditer(src):
        num, name, op = m.groups()
        if num:
            out.append(Token(Kind.NUM, num, m.start(1)))
        elif name:
            out.append(Token(Kind.NAME, name, m.start(2)))
        elif op and not op.isspace():
            out.append(Token(Kind.OP, op, m.start(3)))
    return out


class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos


class Parser:
    PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}

    def __init__(self, tokens):
        self.toks = deque(tokens)

    def peek(self):
        return self.toks[0] if self.toks else None

    def parse(self, min_prec=0):
        lhs = self.atom()
        while True:
            t = self.peek()
            if t is None or t.kind is not Kind.OP or t.text not in self.PREC:
                return lhs
            p = self.PREC[t.text]
            if p < min_prec:
                return lhs
            self.toks.popleft()
            rhs = self.parse(p + (0 if t.text == "^" else 1))
            lhs = (t.text, lhs, rhs)

    def atom(self):
        if not self.toks:
            raise ParseError("unexpected end", -1)
        t = self.toks.popleft()
        if t.kind is Kind.NUM:
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind is Kind.NAME:
            return t.text
        if t.text == "(":
            e = self.parse()
            close = self.toks.popleft() if self.toks else None
            if close is None or close.text != ")":
                raise ParseError("expected )", t.pos)
            return e
        if t.text == "-":
            return ("neg", self.atom())
        raise ParseError(f"unexpected {t.text!r}", t.pos)


def evaluate(e, env):
    match e:
        case int() | float():
            return e
        case str(name):
            return env[name]
        case ("neg", x):
            return -evaluate(x, env)
        case (op, a, b):
            x, y = evaluate(a, env), evaluate(b, env)
            return {"+": x + y, "-": x - y, "*": x * y, "/": x / y if y else float("nan"), "%": x % y if y else 0, "^": x ** y if x > 0 else 0}[op]


env = {"x": 3, "y": 4.5, "zero": 0}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x * (y - 1)", "x % 2 + 10 / 4", "((1)", "1 + $", "w + 1"]:
    try:
        print(f"{src!r:20} => {evaluate(Parser(tokenize(src)).parse(), env)}")
    except ParseError as ex:
        print(f"{src!r:20} !! {ex} (pos={ex.pos})")
    except KeyError as ex:
        print(f"{src!r:20} !! unknown name {ex}")

words = "the cat and the hat and the bat sat on the mat".split()
c = Counter(words)
print(c.most_common(3), c["the"], c["dog"])
od = OrderedDict.fromkeys(string.ascii_lowercase[:5], 0)
od.move_to_end("a")
print(list(od), od.popitem(last=False))
print(Kind("num"), Kind.OP.value, [k.name for k in Kind])
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz")))
print(f"{12345678.9:,.2f} {0.000123:e} {255:#010b} {'hi':^10}|")
