# A mail-merge tool: string.Template fills letters from records, with the errors a
# template author meets.
from string import Template
import string

letter = Template("""Dear $title $name,
your order #${order}_A ships on $date.
Total: $$${total}
""")

records = [
    {"title": "Dr.", "name": "Ada", "order": 1042, "date": "Monday", "total": "19.99"},
    {"title": "Ms.", "name": "Grace", "order": 7, "date": "Friday", "total": 120},
]
for record in records:
    print(letter.substitute(record), end="")
print(letter.substitute(records[0], name="Lovelace"), end="")
print(letter.safe_substitute(name="Partial", total=5), end="")
print(letter.template.count("$"), letter.get_identifiers(), letter.is_valid())

def attempt(template, *args, **kws):
    t = Template(template)
    try:
        print(repr(t.substitute(*args, **kws)))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
    print("  safe:", repr(t.safe_substitute(*args, **kws)), t.is_valid())

attempt("$who likes $what", who="tim")
attempt("cost: $5", {})
attempt("line one\nline two ${bad name}", {})
attempt("ends with $", {})
attempt("${x}y$x_y $X", x=1, x_y=2, X=3)
attempt("$ünï", {})
attempt("$$", {})
attempt("", {})
attempt("{$a}", a="in braces")

class Percent(string.Template):
    delimiter = "%"

print(Percent("100%% of %who at %{time}").substitute(who="all", time="noon"))
print(type(letter).__name__, Template.delimiter, isinstance(letter, string.Template))
