# Reference cycles made in hot loops: the garbage ones are collected while the
# loops run (under every tier); the ones kept stay whole.

keep = []
total = 0
for i in range(30000):
    a = [i]
    a.append(a)                  # a list holding itself
    d = {"n": i}
    d["self"] = d                # a dict holding itself
    pair = [d, a]
    t = (pair, i)
    a.append(t)                  # list -> tuple -> list -> dict
    nested = [[[a]]]
    a.append(nested)             # a cycle through nested lists
    if i % 1000 == 0:
        keep.append(a)
    total += len(a) + len(d)

print(total)
print(len(keep))
s = 0
for a in keep:
    # the kept cycles are whole: each list still holds itself and its items
    # (each step through the cycle comes back to the same list or dict)
    t = a[2]
    assert a[1][1][1][1][0] == a[0]
    assert t[0][1][1][0] == a[0]
    assert t[0][0]["self"]["self"]["n"] == t[0][0]["n"]
    assert a[3][0][0][0][3][0][0][0][0] == a[0]
    assert len(a[1][1]) == 4
    s += a[0] + t[1] + t[0][0]["n"]
print(s)

# A long ring of lists, dropped and made again.
for round in range(20):
    first = [0]
    last = first
    for k in range(1, 2000):
        nxt = [k]
        last.append(nxt)
        last = nxt
    last.append(first)
    n = 0
    node = first
    while True:
        n += node[0]
        node = node[1]
        if node[0] == 0:
            break
    if round % 5 == 0:
        print(round, n)

# Cycles kept in a global dict survive collections.
registry = {}
for i in range(10000):
    e = {"id": i}
    e["registry"] = registry
    if i % 2500 == 0:
        registry[i] = e
print(sorted(registry))
print(all([len(registry[k]["registry"]) == 4 for k in registry]))
print(registry[2500]["id"])
