# Text clean-up of the kind scripts do: substitutions with templates and
# functions, splitting on patterns, escaping user input into a pattern.
import re


def slugify(title):
    title = title.lower()
    title = re.sub(r"[^\w\s-]", "", title)
    return re.sub(r"[\s_-]+", "-", title).strip("-")


for t in ["Hello, World!", "  Rust & Python: a *tale*  ", "snake_case to-kebab"]:
    print(repr(slugify(t)))

# Dates from US to ISO order with numbered and named groups.
text = "Due 03/15/2024, paid 04/01/2024, late fee waived 4/2/2024."
print(re.sub(r"(\d{1,2})/(\d{1,2})/(\d{4})", r"\3-\1-\2", text))
print(re.sub(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})", r"\g<y>.\g<m>.\g<d>", text, count=1))
iso, n = re.subn(r"\b(\d)/", r"0\1/", text)
print(iso, n)


def money(m):
    amount = float(m.group(1).replace(",", ""))
    return f"EUR {amount * 0.92:,.2f}"


print(re.sub(r"\$([\d,]+(?:\.\d+)?)", money, "Items: $1,200.50 and $99 and $0.5"))

# Expand {{name}} placeholders; unknown ones stay.
values = {"user": "ann", "count": 3}
tmpl = "Hi {{user}}, you have {{count}} new {{things}}."
print(re.sub(r"\{\{(\w+)\}\}", lambda m: str(values.get(m.group(1), m.group(0))), tmpl))

# Splitting.
print(re.split(r"\s*[,;]\s*", "a , b;c ;  d,,e"))
print(re.split(r"(\d+)", "ab12cd345ef"))
print(re.split(r"[-+]", "1-2+3-4", maxsplit=2))
print(re.split(r"\b", "one two"))
print(re.split(r"x*", "axbc"))
print(re.split(r"(a)|(b)", "1a2b3"))
csv_line = 'name, "Smith, John" ,42'
print([f.strip().strip('"') for f in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', csv_line)])

# Escaping user input.
needle = "a+b (c)?"
print(re.escape(needle))
print(re.findall(re.escape(needle), "x a+b (c)? y a+b c"))
print(re.sub(re.escape("$total"), "10", "sum: $total, again $total"))

# Empty matches and counts.
print(re.sub("", "-", "abc"), re.sub("b*", "X", "abc"), re.subn("a", "", "banana"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"\s+", " ", "  lots   of\t\twhite \n space ").strip())
print(re.compile(r"o").sub("0", "foo boo", 3), re.compile(r"o").subn("0", "foo"))
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "Ada Lovelace")
print(m.expand(r"\g<last>, \g<first> (\2)"))
