# Backtracking searches written as recursive generators: n-queens placements,
# permutations and combinations, consumed lazily.


def queens(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        safe = True
        for r, c in enumerate(placed):
            if c == col or abs(c - col) == row - r:
                safe = False
                break
        if safe:
            yield from queens(n, placed + (col,))


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def combinations(items, k, start=0):
    if k == 0:
        yield ()
        return
    for i in range(start, len(items)):
        for tail in combinations(items, k - 1, i + 1):
            yield (items[i],) + tail


def board(solution):
    lines = []
    for col in solution:
        lines.append("".join("Q" if c == col else "." for c in range(len(solution))))
    return "\n".join(lines)


for n in range(1, 9):
    print(n, "queens:", sum(1 for _ in queens(n)))

first = next(queens(6))
print("first 6-queens solution:", first)
print(board(first))

print(list(permutations("abc")))
print(sum(1 for _ in permutations([1, 2, 3, 4, 5])))
print(list(combinations([1, 2, 3, 4], 2)))
print(max(combinations(range(10), 3), key=sum))

# Stop early: only the solutions asked for are computed.
found = []
for sol in queens(10):
    found.append(sol)
    if len(found) == 3:
        break
print(found)
