"""datetime's clocks, checked for consistency rather than value (the values differ from
run to run): now, today, utcnow and fromtimestamp agree with time.time and with each
other, and a local time round-trips through timestamp()."""
import time
from datetime import date, datetime, timedelta

before = time.time()
now = datetime.now()
utc = datetime.utcnow()
today = date.today()
after = time.time()

print(type(now).__name__, type(utc).__name__, type(today).__name__)
print(datetime.fromtimestamp(before) - timedelta(seconds=1) <= now <= datetime.fromtimestamp(after) + timedelta(seconds=1))
print(datetime.utcfromtimestamp(before) - timedelta(seconds=1) <= utc <= datetime.utcfromtimestamp(after) + timedelta(seconds=1))
print(today in (now.date(), (now - timedelta(seconds=2)).date(), (now + timedelta(seconds=2)).date()))
offset = now - utc
print(abs(offset) <= timedelta(hours=15), offset.microseconds in (0, 999999, 1) or abs(offset.total_seconds() % 60) < 2 or abs(offset.total_seconds() % 60) > 58)
print(abs(now.timestamp() - before) < 5)
stamp = 1_700_000_000.25
local = datetime.fromtimestamp(stamp)
print(local.timestamp() == stamp, local.microsecond, datetime.utcfromtimestamp(stamp))
print(date.fromtimestamp(stamp) == local.date(), datetime.today().year >= 2024)
