# csv: reader (quoted fields across lines, doubled and stray quotes, dialects and format
# parameters), writer (each quoting mode), DictReader/DictWriter over io.StringIO and files; errors
import csv
import io

text = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25,"He said ""hi"""\r\n\r\nCarol,,"multi\nline"\r\n'
rows = list(csv.reader(io.StringIO(text)))
print(rows)
r = csv.reader(["a,b", " c, d", 'x,"y"z,w', '"unterminated'])
for row in r:
    print(row, r.line_num)
print(list(csv.reader(["a; b;c"], delimiter=";", skipinitialspace=True)))
print(list(csv.reader(["1,'2,3',x"], quotechar="'")))
print(list(csv.reader(['1,"2",3.5,abc'], quoting=csv.QUOTE_NONNUMERIC)) if False else "skip")
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(["a\tb\tc"], dialect="excel-tab")))
print(list(csv.reader(['"a"b,c', "", "x"])))

out = io.StringIO()
w = csv.writer(out)
w.writerow(["name", "value", "note"])
w.writerow(["a,b", 1, 'say "x"'])
w.writerow([None, 2.5, "line\nbreak"])
w.writerow([""])
w.writerow([])
w.writerows([[1, 2], [3, 4]])
print(repr(out.getvalue()))
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow(["a", 1, None])
w = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
w.writerow(["a", 1, 2.5, True])
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\")
w.writerow(["a,b", 'q"'])
w = csv.writer(out, delimiter="|", quotechar="'")
w.writerow(["x|y", "it's", "plain"])
w = csv.writer(out, dialect="unix")
w.writerow(["u", 1])
print(repr(out.getvalue()))

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name", "score"])
dw.writeheader()
dw.writerow({"id": 1, "name": "Ann", "score": 9.5})
dw.writerow({"id": 2, "name": "Ben"})
dw.writerows([{"id": 3, "name": "Cy, Jr.", "score": 7}])
print(repr(out.getvalue()))
for row in csv.DictReader(io.StringIO(out.getvalue())):
    print(row)
dr = csv.DictReader(io.StringIO("a,b\n1,2,3\n4\n"), restkey="extra", restval="?")
print(dr.fieldnames, list(dr))
dr = csv.DictReader(["x,y", "5,6"], fieldnames=["p", "q"])
print(list(dr))
try:
    dw.writerow({"id": 1, "bogus": 2})
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
            lambda: list(csv.reader(['a,"b"c'], strict=True)),
            lambda: list(csv.reader(["a\rb"])),
            lambda: csv.reader([], delimiter="::"),
            lambda: csv.get_dialect("nope")]:
    try:
        print(bad())
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(list(csv.reader(["a|b|'c'"], "pipes")), sorted(csv.list_dialects()))
with open("csv_rw_test.csv", "w", newline="") as f:
    cw = csv.writer(f)
    cw.writerow(["k", "v"])
    for i in range(3):
        cw.writerow([i, i * i])
with open("csv_rw_test.csv", newline="") as f:
    print(list(csv.reader(f)))
with open("csv_rw_test.csv", newline="") as f:
    print([dict(r) for r in csv.DictReader(f)])
import os
os.remove("csv_rw_test.csv")
