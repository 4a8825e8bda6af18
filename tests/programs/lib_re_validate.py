# Form validation with fullmatch and flags, and the reprs a debugging session shows.
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\(?\d{3}\)?[ -]?\d{3}-\d{4}")
STRONG = re.compile(r"(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^\w\s]).{8,}")
HEX_COLOR = re.compile(r"#(?:[0-9a-f]{3}){1,2}", re.IGNORECASE)
DATE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")

for email in ["ann@example.com", "bob.smith+tag@mail.co.uk", "no-at-sign.com", "x@y", "a@b.c "]:
    print(f"{email!r:30} {bool(EMAIL.fullmatch(email))}")
for phone in ["(555) 123-4567", "555-123-4567", "5551234567", "555-1234"]:
    print(f"{phone!r:20} {PHONE.fullmatch(phone) is not None}")
for pw in ["password", "Passw0rd!", "Sh0rt!", "NoDigits!!", "ALL CAPS 123 x!"]:
    verdict = "strong" if STRONG.fullmatch(pw) else "weak"
    print(f"{pw!r:20} {verdict}")
for c in ["#fff", "#A0B1C2", "#abcd", "fff"]:
    print(c, HEX_COLOR.fullmatch(c))

m = DATE.fullmatch("2024-02-29")
print(m, m.groups(), [int(g) for g in m.groups()])
print(DATE.fullmatch("2024-13-01"), DATE.match("2024-01-01T10:00"), DATE.fullmatch("2024-01-01T10:00"))
print(DATE.search("on 1999-12-31."), DATE.search("on 1999-12-31.").span(1))

# Flags.
doc = "Title: Intro\nauthor: Ann\nTITLE: Second\nbody text\n"
print(re.findall(r"^title: (.*)$", doc, re.IGNORECASE | re.MULTILINE))
print(re.findall(r"^\w+", doc), re.findall(r"^\w+", doc, re.M))
print(re.search(r"Intro.*Ann", doc), re.search(r"Intro.*Ann", doc, re.DOTALL))
print(re.findall(r"(?im)^(?:title|author): (\w+)$", doc))
print(re.findall(r"end$", "the end\n"), re.findall(r"end\Z", "the end\n"), re.findall(r"\Athe", "the the"))
print(re.compile(r"\d+"), re.compile(r"\s", re.M | re.S), re.compile("(?i)x"), re.compile("a'b\"c"))
print(re.compile(r"\d+").flags, re.compile(r"\d+", re.A).flags, re.compile("(?x) a").flags, re.M == re.MULTILINE)
print(re.I, re.I | re.X, re.DOTALL & re.S, re.NOFLAG, re.compile("a", re.I).pattern)
p = re.compile(r"(\w+)=(\d+)")
print(p.match("x=1"), p.search("  y=22  "), p.match("  y=22  "), p.match("  y=22  ", 2))
m = p.search("key=42")
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2), m[1], m[0])
print(m.span(), m.span(2), m.start(1), m.end(1), m.string, m.re, m.pos, m.endpos, m.lastindex)
opt = re.match(r"(\d+)(?:\.(\d+))?", "42")
print(opt.groups(), opt.groups("0"), opt.group(2), opt.span(2), opt.lastindex)
print(re.match(r"(?P<a>x)|(?P<b>y)", "y").groupdict(), re.match(r"(?P<a>x)|(?P<b>y)", "y").groupdict(""))
print([m.lastindex for m in re.finditer(r"(a)(b)?|(c)", "a ab c")])
if re.match(r"\w", "ok"):
    print("truthy match")
