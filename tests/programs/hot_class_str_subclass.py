# Interning-style symbols: a str subclass used as dict keys and compared in a hot loop.


class Symbol(str):
    def __new__(cls, name):
        s = super().__new__(cls, name)
        s.uses = 0
        return s

    def touch(self):
        self.uses += 1
        return self


names = [Symbol("sym%d" % i) for i in range(50)]
table = {}
total = 0
for step in range(20000):
    s = names[step % 50]
    s.touch()
    table[s] = table.get(s, 0) + len(s)
    if s == "sym7":
        total += 1
    if s.startswith("sym4"):
        total += 2
print(total, len(table), table["sym3"], names[3].uses, type(names[3]).__name__)
joined = ""
for s in names[:10]:
    joined += s
print(joined, type(joined).__name__)
print(sum(len(s) for s in names), max(names), min(names, key=len))
