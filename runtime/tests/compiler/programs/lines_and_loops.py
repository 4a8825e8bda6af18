# Multi-line statements, nested loops with else, early returns from loops
def first_pair(rows, target):
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v == target:
                return (i,
                        j)
    return None


grid = [[1, 2, 3],
        [4, 5, 6]]
print(first_pair(grid, 5), first_pair(grid, 9))
count = 0
for row in grid:
    for v in row:
        if v % 2 == 0:
            continue
        count += v
    else:
        count += 100
print(count)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
words = ["alpha", "beta", "gamma"]
lengths = {}
for w in words:
    lengths[w] = len(w)
print(lengths, sorted(lengths, reverse=True))
