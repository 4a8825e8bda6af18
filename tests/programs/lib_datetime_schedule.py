"""A meeting schedule printer with datetime.datetime, time and combine: recurring
events, working-hours checks, overlaps, and a week view printed with strftime."""
from datetime import date, datetime, time, timedelta


class Event:
    def __init__(self, title: str, start: datetime, length: timedelta, every: timedelta = None):
        self.title = title
        self.start = start
        self.length = length
        self.every = every

    def occurrences(self, until: datetime):
        when = self.start
        while when < until:
            yield when, when + self.length
            if self.every is None:
                return
            when += self.every


week_start = datetime.combine(date(2024, 2, 26), time(0, 0))
week_end = week_start + timedelta(weeks=1)
events = [
    Event("Stand-up", datetime(2024, 2, 26, 9, 15), timedelta(minutes=15), timedelta(days=1)),
    Event("Planning", datetime(2024, 2, 27, 13, 0), timedelta(hours=1, minutes=30)),
    Event("Leap day party", datetime(2024, 2, 29, 17, 30), timedelta(hours=4)),
    Event("Review", datetime(2024, 2, 19, 16, 0), timedelta(hours=1), timedelta(weeks=1)),
    Event("Deploy", datetime(2024, 3, 1, 9, 20), timedelta(minutes=40)),
]

slots = []
for ev in events:
    for s, e in ev.occurrences(week_end):
        if s >= week_start:
            slots.append((s, e, ev.title))
slots.sort()

day = None
for s, e, title in slots:
    if s.date() != day:
        day = s.date()
        print(day.strftime("%A %d %B %Y (day %j, week %W)"))
    late = "" if time(8) <= s.time() and e.time() <= time(18) and e.date() == s.date() else "  [outside hours]"
    print(f"  {s:%H:%M}-{e:%H:%M} {title:15} {e - s}{late}")

print("overlaps:")
for i, (s1, e1, t1) in enumerate(slots):
    for s2, e2, t2 in slots[i + 1:]:
        if s2 < e1:
            print(f"  {t1} ({s1:%a %H:%M}) and {t2} ({s2:%a %H:%M}) by {e1 - s2}")

busy = sum(((e - s) for s, e, _ in slots), timedelta())
print("busy", busy, "of", week_end - week_start, f"= {busy / (week_end - week_start):.2%}")

t = time(9, 5)
print(repr(t), t, repr(time(23, 59, 59, 999999)), time(12, 0, 30), time.min, time.max)
print(t.hour, t.minute, t.second, t.microsecond, t.isoformat("minutes"), t.strftime("%I:%M %p"), f"{t:%H.%M}")
print(time.fromisoformat("07:30"), time.fromisoformat("07:30:15.25"), t.replace(minute=45), t < time(10), t == time(9, 5))
dt = datetime(2024, 2, 29, 17, 30, 5, 250)
print(repr(dt), dt, dt.date(), dt.time(), repr(dt.time()), dt.weekday(), dt.toordinal(), dt.ctime())
print(dt.replace(year=2028), dt + timedelta(days=366), dt - timedelta(microseconds=251), dt - datetime(2024, 1, 1))
print(datetime.combine(dt.date(), time(8)), datetime(2024, 1, 1) < dt, dt == datetime(2024, 2, 29, 17, 30, 5, 250))
print(datetime.min, datetime.max, datetime.resolution, repr(datetime(2024, 1, 1, 0, 0, 1)))
print(datetime.fromtimestamp(0) - datetime.utcfromtimestamp(0) == datetime.fromtimestamp(86400 * 365) - datetime.utcfromtimestamp(86400 * 365) or "zone with DST")
print(datetime.utcfromtimestamp(1709227805.25), datetime.utcfromtimestamp(-86400.5), datetime.utcfromtimestamp(2 ** 31))
print(datetime(2024, 2, 29, 12).timestamp() - datetime(2024, 2, 28, 12).timestamp())
for bad in [lambda: datetime(2024, 2, 29, 24), lambda: datetime(2024, 2, 29, 1, 60), lambda: time(1, 2, 3, 1000000),
            lambda: datetime(2024, 2, 29) - date(2024, 2, 29), lambda: datetime(2024, 1, 1) < date(2024, 1, 1),
            lambda: datetime(2024, 1, 1) + datetime(2024, 1, 1), lambda: datetime.max + timedelta(1),
            lambda: datetime(2024, 1, 1).isoformat(timespec="days"), lambda: time(9) < datetime(2024, 1, 1)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(date(2024, 1, 1) == datetime(2024, 1, 1), datetime(2024, 1, 1) != date(2024, 1, 1))
