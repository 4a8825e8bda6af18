"""A date-difference calculator and an age table with datetime.date: ordinals, weekdays,
ISO weeks, date arithmetic with timedelta, replace, comparisons and sorting."""
from datetime import date, timedelta, MINYEAR, MAXYEAR


def days_between(a: date, b: date) -> int:
    return abs((b - a).days)


def age_on(born: date, on: date) -> int:
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


def next_birthday(born: date, today: date) -> date:
    try:
        nxt = born.replace(year=today.year)
    except ValueError:
        # Born on February 29: celebrated on March 1 in common years.
        nxt = date(today.year, 3, 1)
    if nxt < today:
        try:
            nxt = born.replace(year=today.year + 1)
        except ValueError:
            nxt = date(today.year + 1, 3, 1)
    return nxt


def business_days(start: date, end: date) -> int:
    count = 0
    day = start
    while day < end:
        if day.weekday() < 5:
            count += 1
        day += timedelta(days=1)
    return count


pairs = [
    (date(2024, 1, 1), date(2024, 12, 31)),
    (date(1999, 12, 31), date(2000, 1, 1)),
    (date(2023, 3, 15), date(2021, 3, 15)),
    (date(1900, 2, 28), date(1900, 3, 1)),
    (date(2000, 2, 28), date(2000, 3, 1)),
    (date(1, 1, 1), date(9999, 12, 31)),
]
for a, b in pairs:
    print(f"{a} -> {b}: {days_between(a, b)} days, {business_days(min(a, b), min(max(a, b), min(a, b) + timedelta(60)))} business days in the first 60")

today = date(2024, 6, 15)
people = {"Ada": date(1815, 12, 10), "Leap": date(2000, 2, 29), "Kid": date(2020, 6, 15), "Tomorrow": date(1990, 6, 16)}
for name, born in sorted(people.items(), key=lambda kv: kv[1]):
    nb = next_birthday(born, today)
    print(f"{name:9} born {born:%d %b %Y} ({born.strftime('%A')}), age {age_on(born, today)}, "
          f"next birthday {nb.isoformat()} in {(nb - today).days} days")

print(repr(today), str(today), today.toordinal(), date.fromordinal(today.toordinal()) == today)
print(today.weekday(), today.isoweekday(), today.isocalendar(), tuple(today.isocalendar()))
iso = today.isocalendar()
print(iso.year, iso.week, iso.weekday, date.fromisocalendar(*iso))
for d in [date(2020, 12, 31), date(2021, 1, 3), date(2021, 1, 4), date(2026, 12, 28), date(2027, 1, 1)]:
    print(d, d.isocalendar(), d.strftime("%G-W%V-%u %j %U %W %a"))
print(date.fromisoformat("2024-02-29"), date.fromisoformat("20240229"), date.fromisoformat("2024-W09-4"))
print(date.min, date.max, date.resolution, MINYEAR, MAXYEAR)
print(today + timedelta(days=100), today - timedelta(weeks=52), timedelta(days=3) + today)
print(today - date(2024, 1, 1), (today - date(2024, 1, 1)).days)
print(sorted([date(2024, 5, 1), date(2023, 5, 1), date(2024, 1, 31)]))
print(date(2024, 1, 31) == date(2024, 1, 31), date(2024, 1, 31) != date(2024, 2, 1), date(2024, 1, 31) == "2024-01-31")
print(len({date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)}))
seen = {date(2024, 1, 1): "new year"}
print(seen[date(2024, 1, 1)], date(2024, 1, 1) in seen)
months = [date(2024, m, 1) for m in range(1, 13)]
print(" ".join(m.strftime("%b") for m in months))
print(" ".join(f"{(date(2024 + (m // 12), m % 12 + 1, 1) - timedelta(1)).day}" for m in range(1, 13)))
print(today.ctime(), today.replace(day=1), today.replace(month=2, year=2023))
for bad in [(2023, 2, 29), (2024, 0, 1), (0, 1, 1), (10000, 1, 1), (2024, 4, 31)]:
    try:
        date(*bad)
    except ValueError as e:
        print(bad, "->", e)
for text in ["2024-13-01", "2024/01/01", "24-01-01", ""]:
    try:
        date.fromisoformat(text)
    except ValueError as e:
        print(e)
try:
    date(2024, 1)
except TypeError as e:
    print(e)
try:
    date(2024, 1, 1.5)
except TypeError as e:
    print(e)
try:
    date.max + timedelta(1)
except OverflowError as e:
    print("OverflowError:", e)
