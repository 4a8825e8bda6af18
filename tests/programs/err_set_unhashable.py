# A list cannot be a set member.
rows = [[1, 2], [3, 4]]
seen = set()
for r in rows:
    seen.add(tuple(r))
print(sorted(seen))
seen.add(rows[0])
