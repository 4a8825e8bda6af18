# Game-of-life steps on grids copied with copy.deepcopy; string constants for a cipher.
import copy
import string

grid = [
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 1, 1, 0],
    [0, 0, 0, 0],
]


def step(g):
    new = copy.deepcopy(g)
    n = len(g)
    for r in range(n):
        for c in range(n):
            live = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if (dr or dc) and 0 <= r + dr < n and 0 <= c + dc < n:
                        live += g[r + dr][c + dc]
            new[r][c] = 1 if live == 3 or (g[r][c] and live == 2) else 0
    return new


g = grid
for _ in range(3):
    g = step(g)
    print(["".join([".#"[x] for x in row]) for row in g])
print("original untouched:", grid[0])

shallow = copy.copy(grid)
shallow[0][0] = 7
shallow.append([9])
print(grid[0][0], len(grid), len(shallow))
grid[0][0] = 0

shared = [1, 2]
nest = {"a": shared, "b": shared, "t": (shared, 3), "s": "text"}
dup = copy.deepcopy(nest)
dup["a"].append(3)
print(dup, nest)
dup["t"][0].append(4)
print(dup["b"], dup["t"], nest["t"])
tup = (1, "x", (2, 3))
print(copy.deepcopy(tup) == tup, copy.copy([1, [2]]))

print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))


def caesar(text, shift):
    lower = string.ascii_lowercase
    out = []
    for ch in text:
        if ch in lower:
            out.append(lower[(lower.index(ch) + shift) % 26])
        elif ch in string.ascii_uppercase:
            out.append(string.ascii_uppercase[(string.ascii_uppercase.index(ch) + shift) % 26])
        else:
            out.append(ch)
    return "".join(out)


secret = caesar("Attack at Dawn!", 3)
print(secret, caesar(secret, -3))
print(sum([ch in string.ascii_letters for ch in "Hello, World 42"]))
tags = {"x", "y"}
shallow = copy.copy(tags)
shallow.add("z")
print(sorted(tags), sorted(shallow))
frozen = frozenset([(1, 2), (3, 4)])
print(copy.copy(frozen) == frozen, copy.deepcopy(frozen) == frozen)
nested = {"sets": [set([1, 2]), frozenset("ab")], "t": ({3},)}
deep = copy.deepcopy(nested)
deep["sets"][0].add(9)
deep["t"][0].add(4)
print(sorted(nested["sets"][0]), sorted(deep["sets"][0]), sorted(nested["t"][0]), sorted(deep["t"][0]))
