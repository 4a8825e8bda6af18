# Exception-heavy loops: counting with KeyError, parsing with ValueError fallbacks,
# IndexError at the edges of a grid, a context manager around each step, try/finally
# bookkeeping, and a user exception raised and caught in a loop.


class Budget:
    def __init__(self):
        self.depth = 0
        self.entered = 0
        self.refused = 0

    def __enter__(self):
        self.depth += 1
        self.entered += 1
        return self

    def __exit__(self, kind, value, tb):
        self.depth -= 1
        if kind is OverflowError:
            self.refused += 1
            return True
        return False


class Rejected(Exception):
    pass


def make_tokens(n):
    tokens = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x % 10
        if r < 6:
            tokens.append(str(x % 100000))
        elif r < 8:
            tokens.append("%d.%d" % (x % 1000, x % 7))
        else:
            tokens.append("w%d" % (x % 300))
    return tokens


def count(tokens):
    counts = {}
    for t in tokens:
        try:
            counts[t] += 1
        except KeyError:
            counts[t] = 1
    return counts


def parse(tokens):
    ints = 0
    floats = 0.0
    words = 0
    for t in tokens:
        try:
            ints += int(t)
        except ValueError:
            try:
                floats += float(t)
            except ValueError as e:
                words += len(t)
    return ints, round(floats, 3), words


def neighbours(grid, w, h):
    total = 0
    for y in range(h):
        row = grid[y]
        for x in range(w):
            s = row[x]
            try:
                s += row[x + 1]
            except IndexError:
                s -= 1
            try:
                s += grid[y + 1][x]
            except IndexError:
                s -= 2
            total += s
    return total


def guarded(n):
    b = Budget()
    acc = 0
    for i in range(n):
        with b:
            if i % 50 == 0:
                raise OverflowError(i)
            acc += i % 97
    return acc, b.entered, b.refused, b.depth


def bookkeeping(n):
    opened = 0
    closed = 0
    total = 0
    for i in range(n):
        opened += 1
        try:
            if i % 5 == 0:
                continue
            total += 1000 // (i % 7)
        except ZeroDivisionError:
            total -= 3
        finally:
            closed += 1
    return total, opened, closed


def check(v):
    if v % 11 == 0:
        raise Rejected(v)
    return v


def screen(n):
    kept = 0
    rejected = 0
    for i in range(n):
        try:
            kept += check(i)
        except Rejected as e:
            rejected += e.args[0] % 5
    return kept, rejected


tokens = make_tokens(120000)
for rnd in range(5):
    c = count(tokens)
    print(len(c), max(c.values()), sum(c.values()))
    print(parse(tokens))
    grid = [[(x * 7 + y * 3 + rnd) % 10 for x in range(200)] for y in range(150)]
    print(neighbours(grid, 200, 150))
    print(guarded(150000))
    print(bookkeeping(150000))
    print(screen(60000))
