# TypeError raised by a filter predicate in a hot loop, after the data changes type


items = list(range(7000)) + ["seven thousand"] + list(range(10))
kept = 0
for x in filter(lambda v: v // 5 * 5 == v, items):
    kept += 1
print(kept)
