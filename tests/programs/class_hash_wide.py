# A class whose __hash__ returns the hash of a tuple (a full machine word): CPython
# uses that int as the hash itself, so sets and dicts of such objects keep its order.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x}, {self.y})"


print(hash(Point(1, 2)) == hash((1, 2)), hash(Point(-5, 10**20)) == hash((-5, 10**20)))
print({Point(i, i * 3 % 7) for i in range(10)})
grid = {Point(x, y): x * y for x in range(3) for y in range(3)}
print(list(grid.items()))
print(Point(2, 2) in grid, grid[Point(1, 2)])
