"""Parsing log timestamps with datetime.strptime: request durations, events per hour,
gaps between entries, and reformatting with strftime and isoformat."""
from datetime import datetime, timedelta

LOG = """\
2024-03-09 23:58:41.250 INFO start job=backup
2024-03-09 23:59:59.999 WARN slow disk
2024-03-10 00:00:00.001 INFO rotate
2024-03-10 00:15:07.5 ERROR timeout after 30s
2024-03-10 01:02:03.123456 INFO done job=backup
2024-03-10 01:02:03.123456 INFO done job=index
"""

entries = []
for line in LOG.splitlines():
    day, clock, level, message = line.split(" ", 3)
    stamp = datetime.strptime(day + " " + clock, "%Y-%m-%d %H:%M:%S.%f")
    entries.append((stamp, level, message))

for stamp, level, message in entries:
    print(f"{stamp.isoformat()} | {stamp:%d/%m/%y %I:%M:%S %p} | {level:5} | {message}")

first, last = entries[0][0], entries[-1][0]
span = last - first
print("span:", span, repr(span), span.total_seconds())
for (a, _, _), (b, _, m) in zip(entries, entries[1:]):
    gap = b - a
    print(f"  +{gap} before {m!r}", "(same instant)" if not gap else "")

per_hour = {}
for stamp, level, _ in entries:
    hour = stamp.replace(minute=0, second=0, microsecond=0)
    per_hour[hour] = per_hour.get(hour, 0) + 1
for hour in sorted(per_hour):
    print(hour, hour.strftime("%A %H:00"), per_hour[hour])

apache = ["10/Oct/2000:13:55:36", "01/Jan/2024:00:00:00", "29/Feb/2024:23:59:59"]
for text in apache:
    t = datetime.strptime(text, "%d/%b/%Y:%H:%M:%S")
    print(text, "->", repr(t), t.timestamp(), datetime.utcfromtimestamp(t.timestamp()) == t)

formats = [
    ("Friday, 5 January 2024", "%A, %d %B %Y"),
    ("fri jan  5 10:30:00 2024", "%a %b %d %H:%M:%S %Y"),
    ("3:04 PM", "%I:%M %p"),
    ("12:00 am", "%I:%M %p"),
    ("12:30 PM", "%I:%M %p"),
    ("24-01-05", "%y-%m-%d"),
    ("69-01-05", "%y-%m-%d"),
    ("2024 060", "%Y %j"),
    ("2024-1-5T7:8:9", "%Y-%m-%dT%H:%M:%S"),
    ("10%", "%d%%"),
    ("  2024   7 ", " %Y %m "),
]
for text, fmt in formats:
    print(f"{text!r:28} {fmt!r:24} {datetime.strptime(text, fmt)}")

for text, fmt in [("2024-02-30", "%Y-%m-%d"), ("2024-01-05 25:00", "%Y-%m-%d %H:%M"),
                  ("2024-01-05 extra", "%Y-%m-%d"), ("5 Jan", "%d %B"), ("x", "%Y %q"),
                  ("10:60", "%H:%M"), ("10:30:61", "%H:%M:%S")]:
    try:
        print(datetime.strptime(text, fmt))
    except ValueError as e:
        print("ValueError:", e)

stamps = ["2024-01-05T10:30:00", "2024-01-05 10:30", "2024-01-05T10", "20240105T103000",
          "2024-01-05T10:30:00.5", "2024-01-05T10:30:00.123", "2024-01-05"]
for s in stamps:
    print(s, "->", datetime.fromisoformat(s))
print(datetime(2024, 1, 5, 10, 30, 0, 123456).isoformat(timespec="milliseconds"),
      datetime(2024, 1, 5, 10, 30).isoformat(" ", "minutes"),
      datetime(2024, 1, 5, 10, 30).isoformat(timespec="hours"))
