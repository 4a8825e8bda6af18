# Writing a report for a terminal that only takes ASCII: ascii(), !a and %a.
cities = {
    "Zürich": 421_878,
    "São Paulo": 12_325_232,
    "Kraków": 779_115,
    "東京": 13_960_000,
    "Reykjavík": 131_136,
    "Oslo": 697_010,
}


def safe(name):
    # ascii() gives a quoted repr: strip the quotes for a table cell.
    return ascii(name)[1:-1]


print(f"{'city':<22}{'population':>12}")
for name, pop in sorted(cities.items(), key=lambda kv: -kv[1]):
    print(f"{safe(name):<22}{pop:>12,}")

changed = [n for n in cities if safe(n) != n]
print(f"{len(changed)} names escaped: {changed!a}")
print("first: {0!a}, last: {1!a}".format(changed[0], changed[-1]))
print("log: %a -> %a" % ("naïve café", {"ключ": ["значение", 1.5]}))
print(ascii(b"bytes \xff"), ascii(("tab\t", "bell\x07", "nul\x00", "\u2028")))
print(ascii("emoji 😀 and \U0001f600"), ascii(3.5), ascii(None), ascii([True, -7]))


class Record:
    def __init__(self, owner):
        self.owner = owner

    def __repr__(self):
        return f"Record(owner={self.owner!r})"


print(ascii(Record("Ærø")), f"{Record('Łódź')!a:>40}")
