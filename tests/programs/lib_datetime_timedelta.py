"""datetime.timedelta as a stopwatch and a billing calculator: normalisation of every
keyword unit, arithmetic with ints, floats and timedeltas, rounding, comparisons,
hashing, and CPython's printed forms."""
from datetime import timedelta

samples = [
    timedelta(),
    timedelta(1),
    timedelta(days=1, seconds=3600),
    timedelta(hours=-1),
    timedelta(seconds=-0.5),
    timedelta(microseconds=-1),
    timedelta(weeks=2, days=-3, hours=25, minutes=61, seconds=61, milliseconds=1001, microseconds=1001),
    timedelta(days=1.5, hours=0.25),
    timedelta(minutes=0.1, milliseconds=1.5),
    timedelta(microseconds=0.5),
    timedelta(microseconds=1.5),
    timedelta(microseconds=2.5),
    timedelta(seconds=1e-7),
    timedelta(days=-2, microseconds=5),
    timedelta(days=999999999),
    timedelta.max,
    timedelta.min,
    timedelta.resolution,
]
for td in samples:
    print(f"{td!s:>36}  {td!r}  days={td.days} seconds={td.seconds} us={td.microseconds} total={td.total_seconds()}")

# A stopwatch: laps added up, averaged and compared.
laps = [timedelta(minutes=1, seconds=2.25), timedelta(seconds=58.5), timedelta(minutes=1, seconds=0.125)]
total = sum(laps, timedelta())
print("total", total, "mean", total / len(laps), "best", min(laps), "worst", max(laps))
print("as fraction of an hour", total / timedelta(hours=1), "whole minutes", total // timedelta(minutes=1))
print("remainder", total % timedelta(minutes=1), "divmod", divmod(total, timedelta(seconds=45)))

# Billing in quarter hours.
sessions = [timedelta(hours=1, minutes=7), timedelta(minutes=44), timedelta(hours=2, minutes=30, seconds=1)]
quarter = timedelta(minutes=15)
for s in sessions:
    q, r = divmod(s, quarter)
    billed = (q + (1 if r else 0)) * quarter
    print(f"{s} -> {billed} = {billed / quarter * 22.5:.2f}")

a, b = timedelta(hours=10), timedelta(hours=3, minutes=20)
print(a + b, a - b, b - a, -a, +b, abs(b - a), a * 3, 3 * a, a * 0.1, 0.5 * b)
print(a / 3, a / 7, a // 7, a // -7, a / 2.5, b * 1.000001, a / b, a // b, a % b)
print(timedelta(seconds=1) / 3 * 3, timedelta(microseconds=3) / 2, timedelta(microseconds=5) / 2, timedelta(microseconds=-5) / 2)
print(a > b, a < b, a == timedelta(minutes=600), a != b, a >= a, b <= a, bool(timedelta(0)), bool(b))
print(sorted(samples[:6]))
print(len({timedelta(hours=24), timedelta(days=1), timedelta(seconds=86400), timedelta(0)}))
print(timedelta(1) == 1, timedelta(0) == 0, timedelta(1) in [86400, timedelta(hours=24)])
print(f"[{timedelta(hours=5)}]", "{}".format(timedelta(days=-1)), str(timedelta(days=10, microseconds=10)))

for make in [lambda: timedelta(days=1000000000), lambda: timedelta.max + timedelta(microseconds=1),
             lambda: timedelta(1) / 0, lambda: timedelta(1) // timedelta(0), lambda: timedelta(1) % timedelta(0),
             lambda: timedelta(1) / timedelta(0), lambda: timedelta(1) + 1, lambda: 2 - timedelta(1),
             lambda: timedelta(1) < 5, lambda: timedelta("1"), lambda: timedelta(1) * "x",
             lambda: format(timedelta(1), ">20")]:
    try:
        print(make())
    except (OverflowError, ZeroDivisionError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
