from enum import Flag, IntFlag, auto


class Cell(Flag):
    WALL_N = auto()
    WALL_E = auto()
    WALL_S = auto()
    WALL_W = auto()


class Bits(IntFlag):
    A = 1
    B = 2
    C = 4


grid = [Cell(0)] * 64
for i in range(64):
    c = Cell(0)
    if i % 8 == 0:
        c |= Cell.WALL_W
    if i % 8 == 7:
        c |= Cell.WALL_E
    if i < 8:
        c |= Cell.WALL_N
    if i >= 56:
        c |= Cell.WALL_S
    grid[i] = c
walls = 0
for c in grid:
    walls += len(c)
    if Cell.WALL_N in c and Cell.WALL_W in c:
        print("corner", c)
total = 0
for i in range(2000):
    b = Bits(i % 8)
    total += b & Bits.B | (i & 1)
print(walls, total, sum(1 for c in grid if not c))
