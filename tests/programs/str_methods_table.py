# A text report: column layout with ljust/rjust/center, cleaned names,
# and a table of what each str predicate says about sample words.

rows = [("apples", 12, 0.5), ("kiwi", 140, 0.25), ("dragon fruit", 3, 4.75)]
width = 30
print("INVENTORY".center(width, "="))
for name, count, price in rows:
    print(name.title().ljust(14, ".") + str(count).rjust(5) + ("%.2f" % price).rjust(8))
print("".center(width, "="))
print("{:<12}|{:^7}|{:>9}".format("name", "count", "price"))
for name, count, price in rows:
    print("{0:<12}|{1:^7d}|{2:>9.3f}".format(name.capitalize(), count, price))
print("{n} items, total {t:,}".format(n=len(rows), t=sum([r[1] for r in rows]) * 1000))

samples = ["Hello", "WORLD", "lower", "Title Case", "MiXeD", "x1y2", "123", "  ", "_id", "9lives", ""]
checks = ["isupper", "islower", "istitle", "isalpha", "isdigit", "isalnum", "isspace", "isidentifier", "isascii"]
print(" " * 11 + " ".join([c[2:5] for c in checks]))
for s in samples:
    flags = [s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(),
             s.isidentifier(), s.isascii()]
    print(repr(s).ljust(11) + " ".join([("yes" if f else "no").center(3) for f in flags]))

for s in ["hello world", "hELLO wORLD", "they're bill's", "ABC-def ghi_jKL"]:
    print(s.title(), "|", s.capitalize(), "|", s.swapcase(), "|", s.casefold())

path = "src/module/file_name.py"
print(path.partition("/"), path.rpartition("/"), path.partition("#"), path.rpartition("#"))
print(path.removeprefix("src/").removesuffix(".py"), path.removeprefix("lib/"))
text = "first line\nsecond\r\nthird\rfourth\n\nlast"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("col1\tcol2\tc3".expandtabs(), "|", "a\tbb\tccc".expandtabs(4), "|", "x\ty".expandtabs(0))
for n in [-42, 7, 12345, 0]:
    print(str(n).zfill(6), "+{}".format(n).zfill(5), hex(n), bin(n), oct(n))
print(format(255, "08b"), format(3.5, "e"), format("s", ">3"), format(1234567, ","), format(0.25, "%"))
