# A log-file summarizer: writes a day of service logs, then reads them back line by
# line and reports per-level counts, the slowest requests and the busiest hours.
import os

DIR = os.path.join(os.environ.get("TMPDIR", "/tmp"), "stitch_logs_%d" % os.getpid())
os.makedirs(DIR)
LOG = os.path.join(DIR, "service.log")

LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "INFO", "ERROR"]
PATHS = ["/", "/login", "/api/items", "/api/items/7", "/static/app.js"]

seed = 12345
with open(LOG, "w") as out:
    for i in range(3000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        level = LEVELS[seed % len(LEVELS)]
        path = PATHS[(seed >> 8) % len(PATHS)]
        millis = (seed >> 4) % 900 + 3
        hour = (i * 24) // 3000
        minute = (seed >> 12) % 60
        print("2024-03-01T%02d:%02d:00 %-5s %s %dms" % (hour, minute, level, path, millis), file=out)
    out.write("\n")
    out.write("malformed line\n")

counts = {}
slowest = []
per_hour = [0] * 24
per_path = {}
skipped = 0
total_ms = 0
with open(LOG) as log:
    for line in log:
        parts = line.split()
        if len(parts) != 4:
            skipped += 1
            continue
        stamp, level, path, took = parts
        ms = int(took[:-2])
        counts[level] = counts.get(level, 0) + 1
        per_hour[int(stamp[11:13])] += 1
        per_path[path] = per_path.get(path, 0) + ms
        total_ms += ms
        slowest.append((ms, stamp, path))
        slowest.sort(reverse=True)
        del slowest[5:]

report = os.path.join(DIR, "report.txt")
with open(report, "w") as out:
    out.write("lines by level\n")
    for level in sorted(counts):
        out.write("  %-5s %5d\n" % (level, counts[level]))
    out.write("skipped %d\n" % skipped)
    out.write("mean %.2f ms\n" % (total_ms / sum(counts.values())))
    out.write("slowest\n")
    for ms, stamp, path in slowest:
        out.write("  %4d ms %s %s\n" % (ms, stamp, path))
    busiest = max(range(24), key=lambda h: per_hour[h])
    out.write("busiest hour %02d:00 (%d requests)\n" % (busiest, per_hour[busiest]))
    for path, ms in sorted(per_path.items(), key=lambda kv: -kv[1]):
        out.write("  %-15s %8d ms\n" % (path, ms))

with open(report) as f:
    print(f.read(), end="")
print("log size", os.path.getsize(LOG), "report lines", len(open(report).readlines()))

with open(LOG, "rb") as raw:
    head = raw.read(19)
    print("first stamp", head.decode("ascii"), raw.tell())

for name in os.listdir(DIR):
    os.remove(os.path.join(DIR, name))
os.rmdir(DIR)
print("left behind", os.path.exists(DIR))
