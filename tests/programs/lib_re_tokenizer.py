# A tokenizer for a small expression language in the classic style: one master
# pattern of named alternatives, finditer, and lastgroup to tell the kind.
import re

TOKENS = [
    ("NUMBER", r"\d+(?:\.\d*)?(?:[eE][+-]?\d+)?"),
    ("STRING", r'"(?:[^"\\]|\\.)*"'),
    ("NAME", r"[A-Za-z_]\w*"),
    ("OP", r"==|!=|<=|>=|[-+*/%<>=(),]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("COMMENT", r"#[^\n]*"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in TOKENS))
KEYWORDS = {"if", "else", "let", "print"}


class Token:
    def __init__(self, kind, value, line, col):
        self.kind, self.value, self.line, self.col = kind, value, line, col

    def __repr__(self):
        return f"Token({self.kind}, {self.value!r}, {self.line}:{self.col})"


def tokenize(code):
    line, line_start = 1, 0
    for m in MASTER.finditer(code):
        kind = m.lastgroup
        value = m.group()
        col = m.start() - line_start + 1
        if kind == "NUMBER":
            value = float(value) if re.search(r"[.eE]", value) else int(value)
        elif kind == "NAME" and value in KEYWORDS:
            kind = value.upper()
        elif kind == "STRING":
            value = re.sub(r'\\(.)', r"\1", value[1:-1])
        elif kind == "NEWLINE":
            line_start = m.end()
            line += 1
            continue
        elif kind in ("SKIP", "COMMENT"):
            continue
        elif kind == "MISMATCH":
            raise SyntaxError(f"unexpected {value!r} at {line}:{col}")
        yield Token(kind, value, line, col)


program = '''let total = 3 * (price + 2.5e1)  # with tax
if total >= 100 print "big \\"order\\"" else print "small"
let name_2 = total % 7 != 0
'''
for tok in tokenize(program):
    print(tok)

try:
    list(tokenize("let x = 4 @ 2"))
except SyntaxError as e:
    print("error:", e)

print(MASTER.groups, list(MASTER.groupindex)[:3])
words = re.findall(r"\b[a-z]+\b", program)
print(len(words), sorted(set(words)))
