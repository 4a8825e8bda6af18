# Hot loops that bind with := and build displays with * and **.
total = 0
count = 0
base = {"a": 1}
for i in range(30000):
    if (r := i % 7) > 3:
        total += r
    row = [*range(r), i]
    t = (*row, r)
    d = {**base, "i": r}
    count += len(row) + len(t) + len(d)
print(total, count)

values = list(range(5000))
acc = 0
while (v := values.pop()) > 10:
    acc += v
print(acc, v, len(values))
