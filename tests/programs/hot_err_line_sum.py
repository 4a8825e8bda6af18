# sum() of a list holding a str inside a hot loop
rows = [[1, 2], [3.5], []] * 2000 + [[1, "two"]]
acc = 0
i = 0
while i < len(rows):
    row = rows[i]
    acc += sum(row)
    i += 1
print("not reached", acc)
