# User exception classes: a parser's hierarchy, __init__ with super().__init__, extra
# attributes and methods, __str__, except clauses by class and by builtin base.

class ParseError(Exception):
    pass

class UnexpectedToken(ParseError):
    def __init__(self, token, pos):
        super().__init__(f"unexpected {token!r} at {pos}")
        self.token = token
        self.pos = pos

class Code(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def describe(self):
        return f"[{self.code}] {self.args[0]}"

def parse(s):
    for i, ch in enumerate(s):
        if ch == "!":
            raise UnexpectedToken(ch, i)
    if not s:
        raise ParseError("empty")
    return s.upper()

for text in ["abc", "a!c", ""]:
    try:
        print(parse(text))
    except UnexpectedToken as e:
        print("token:", e, e.token, e.pos, e.args, repr(e))
    except ParseError as e:
        print("parse error:", e, type(e).__name__, isinstance(e, Exception))
try:
    raise Code("bad", 42)
except ValueError as e:
    print(e, e.code, e.describe(), type(e) is Code, isinstance(e, Code), isinstance(e, ValueError))
print(issubclass(UnexpectedToken, Exception), issubclass(Code, KeyError), issubclass(Code, ValueError))
try:
    raise ParseError
except Exception as e:
    print(repr(e), e.args)
class Weird(Exception):
    def __str__(self):
        return "weird!"
try:
    raise Weird(1, 2)
except Weird as w:
    print(w, repr(w))
def f():
    raise Code("deep", 7)
try:
    f()
except Code as c:
    print("caught", c.code)
