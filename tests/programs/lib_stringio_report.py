# Builds a text report in memory, then parses a CSV-like log from a string buffer,
# the way a program's tests fake files.
import io
import json

LOG = io.StringIO("\n".join([
    "time,level,message",
    "10:00,INFO,service started",
    "10:01,WARN,disk at 81%",
    "10:02,INFO,request ok",
    "10:05,ERROR,timeout talking to db",
    "10:06,INFO,request ok",
    "",
]))


def parse(fp):
    header = fp.readline().rstrip("\n").split(",")
    rows = []
    for line in fp:
        line = line.rstrip("\n")
        if not line:
            continue
        rows.append(dict(zip(header, line.split(",", 2))))
    return rows


def render(rows):
    out = io.StringIO()
    counts = {}
    for r in rows:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    print("LEVEL   COUNT", file=out)
    for level in sorted(counts):
        print(f"{level:<7} {counts[level]:>5}", file=out)
    print("-" * 13, file=out)
    for r in rows:
        if r["level"] != "INFO":
            when, message = r["time"], r["message"]
            out.write(f"{when} {message}\n")
    return out.getvalue()


rows = parse(LOG)
print(len(rows), rows[1])
report = render(rows)
print(report, end="")
print(len(report.splitlines()), "lines")

# json.dump/load through a buffer, as to and from a file.
saved = io.StringIO()
json.dump({"rows": rows[:2], "count": len(rows)}, saved, indent=1)
print(saved.getvalue())
saved.seek(0)
print(json.load(saved)["count"])

# Building a big string piece by piece.
big = io.StringIO()
for i in range(6000):
    big.write(str(i % 10))
    if i % 100 == 99:
        big.write("\n")
text = big.getvalue()
print(len(text), text.count("\n"), text[:12], big.tell())
