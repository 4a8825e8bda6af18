# Cells compare by value but define no hash: they cannot be set keys.


class Cell:
    def __init__(self, row, col):
        self.row = row
        self.col = col

    def __eq__(self, other):
        return (self.row, self.col) == (other.row, other.col)


cells = [Cell(0, 0), Cell(0, 1), Cell(0, 0)]
print(cells[0] == cells[2], cells[0] != cells[1], cells.count(Cell(0, 0)))
distance = {}
for c in cells:
    distance[c] = c.row + c.col
print(distance)
