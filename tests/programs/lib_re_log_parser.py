# Summarizes a web server's access log: a verbose pattern with named groups pulls
# each request apart; malformed lines are counted, not fatal.
import re

LOG = """\
192.168.1.10 - - [12/Mar/2024:10:15:32 +0000] "GET /index.html HTTP/1.1" 200 5120
10.0.0.7 - alice [12/Mar/2024:10:15:40 +0000] "POST /api/login HTTP/1.1" 302 -
192.168.1.10 - - [12/Mar/2024:10:16:01 +0000] "GET /static/app.js HTTP/1.1" 200 48213
this line is garbage
172.16.0.3 - bob [12/Mar/2024:10:17:12 +0000] "GET /api/items?page=2 HTTP/1.1" 500 312
10.0.0.7 - alice [12/Mar/2024:10:18:55 +0000] "DELETE /api/items/17 HTTP/1.1" 204 -
192.168.1.10 - - [12/Mar/2024:10:19:03 +0000] "GET /favicon.ico HTTP/1.1" 404 0
"""

LINE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})    # client address
    \s+-\s+(?P<user>\S+)\s+            # identity, user
    \[(?P<when>[^\]]+)\]\s+            # timestamp
    "(?P<method>[A-Z]+)\s+(?P<path>\S+)\s+HTTP/(?P<version>[\d.]+)"\s+
    (?P<status>\d{3})\s+
    (?P<size>\d+|-)
""", re.VERBOSE)

TIME = re.compile(r"(\d+)/(\w+)/(\d{4}):(\d\d):(\d\d):(\d\d)")

by_status = {}
bytes_by_ip = {}
bad = 0
for lineno, line in enumerate(LOG.splitlines(), start=1):
    m = LINE.match(line)
    if m is None:
        bad += 1
        print(f"line {lineno}: cannot parse {line!r}")
        continue
    rec = m.groupdict()
    status = int(rec["status"])
    size = 0 if rec["size"] == "-" else int(rec["size"])
    by_status[status] = by_status.get(status, 0) + 1
    bytes_by_ip[rec["ip"]] = bytes_by_ip.get(rec["ip"], 0) + size
    day, month, year, hh, mm, ss = TIME.search(rec["when"]).groups()
    path = rec["path"].split("?")[0]
    user = rec["user"] if rec["user"] != "-" else "anonymous"
    method = rec["method"]
    print(f"{hh}:{mm}:{ss} {method:<6} {path:<20} {status} {user}")

print("statuses:", sorted(by_status.items()))
for ip, total in sorted(bytes_by_ip.items(), key=lambda kv: -kv[1]):
    print(f"{ip:>15} {total:>8}")
print("malformed:", bad)

m = LINE.match(LOG)
print(m.span(), m.start("path"), m.end("path"), m.group("method", "status"))
print(m.lastgroup, m.lastindex, LINE.groups, sorted(LINE.groupindex.items()))
errors = [m.group("path") for m in LINE.finditer(LOG) if m.group("status").startswith("5")]
print("server errors:", errors)
