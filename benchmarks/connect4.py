# Board-game search: alpha-beta minimax over connect four on a 7x6 board kept as a
# flat list, with a move ordering from the centre out, a heuristic that scores
# windows of four, and a transposition table keyed by the board as a tuple. Then a
# backtracking n-queens solver with sets of attacked diagonals. Prints the chosen
# moves, scores, node counts and solution counts.

COLS, ROWS = 7, 6
ORDER = [3, 2, 4, 1, 5, 0, 6]
WIN = 1000000


def windows():
    out = []
    for r in range(ROWS):
        for c in range(COLS):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                cells = []
                for k in range(4):
                    rr, cc = r + dr * k, c + dc * k
                    if 0 <= rr < ROWS and 0 <= cc < COLS:
                        cells.append(rr * COLS + cc)
                if len(cells) == 4:
                    out.append(tuple(cells))
    return out


WINDOWS = windows()
WEIGHTS = {0: 0, 1: 1, 2: 8, 3: 60}


class Board:
    def __init__(self):
        self.cells = [0] * (COLS * ROWS)
        self.heights = [0] * COLS
        self.moves = 0

    def can_play(self, col):
        return self.heights[col] < ROWS

    def play(self, col, who):
        idx = self.heights[col] * COLS + col
        self.cells[idx] = who
        self.heights[col] += 1
        self.moves += 1
        return idx

    def undo(self, col):
        self.heights[col] -= 1
        self.cells[self.heights[col] * COLS + col] = 0
        self.moves -= 1

    def wins(self, idx, who):
        cells = self.cells
        r, c = divmod(idx, COLS)
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            count = 1
            rr, cc = r + dr, c + dc
            while 0 <= rr < ROWS and 0 <= cc < COLS and cells[rr * COLS + cc] == who:
                count += 1
                rr += dr
                cc += dc
            rr, cc = r - dr, c - dc
            while 0 <= rr < ROWS and 0 <= cc < COLS and cells[rr * COLS + cc] == who:
                count += 1
                rr -= dr
                cc -= dc
            if count >= 4:
                return True
        return False

    def score(self, who):
        cells = self.cells
        total = 0
        for w in WINDOWS:
            mine = theirs = 0
            for i in w:
                v = cells[i]
                if v == who:
                    mine += 1
                elif v != 0:
                    theirs += 1
            if theirs == 0:
                total += WEIGHTS[mine]
            elif mine == 0:
                total -= WEIGHTS[theirs]
        return total


class Searcher:
    def __init__(self, board):
        self.board = board
        self.nodes = 0
        self.table = {}

    def negamax(self, who, depth, alpha, beta):
        self.nodes += 1
        board = self.board
        key = (tuple(board.cells), who, depth)
        hit = self.table.get(key)
        if hit is not None:
            return hit
        if board.moves == COLS * ROWS:
            return 0
        if depth == 0:
            return board.score(who)
        best = -WIN - 1
        for col in ORDER:
            if not board.can_play(col):
                continue
            idx = board.play(col, who)
            if board.wins(idx, who):
                value = WIN + depth
            else:
                value = -self.negamax(3 - who, depth - 1, -beta, -alpha)
            board.undo(col)
            if value > best:
                best = value
            if best > alpha:
                alpha = best
            if alpha >= beta:
                break
        self.table[key] = best
        return best

    def best_move(self, who, depth):
        board = self.board
        best_col, best_val = -1, -WIN * 2
        for col in ORDER:
            if not board.can_play(col):
                continue
            idx = board.play(col, who)
            if board.wins(idx, who):
                value = WIN + depth
            else:
                value = -self.negamax(3 - who, depth - 1, -WIN * 2, WIN * 2)
            board.undo(col)
            if value > best_val:
                best_col, best_val = col, value
        return best_col, best_val


def play_game(depth, opening):
    board = Board()
    who = 1
    history = []
    for col in opening:
        board.play(col, who)
        history.append(col)
        who = 3 - who
    total_nodes = 0
    while board.moves < COLS * ROWS:
        searcher = Searcher(board)
        col, value = searcher.best_move(who, depth)
        total_nodes += searcher.nodes
        idx = board.play(col, who)
        history.append(col)
        if board.wins(idx, who):
            return "".join(str(c) for c in history), who, total_nodes
        who = 3 - who
    return "".join(str(c) for c in history), 0, total_nodes


def queens(n):
    count = 0
    first = None
    cols, d1, d2 = set(), set(), set()
    placed = []

    def place(r):
        nonlocal count, first
        if r == n:
            count += 1
            if first is None:
                first = list(placed)
            return
        for c in range(n):
            if c in cols or (r + c) in d1 or (r - c) in d2:
                continue
            cols.add(c)
            d1.add(r + c)
            d2.add(r - c)
            placed.append(c)
            place(r + 1)
            placed.pop()
            cols.remove(c)
            d1.remove(r + c)
            d2.remove(r - c)

    place(0)
    return count, first


def main():
    for opening in ([3], [3, 3], [2, 4], [0, 6, 1]):
        moves, winner, nodes = play_game(4, opening)
        print("opening", opening, "moves", moves, "winner", winner, "nodes", nodes)
    for n in range(4, 11):
        count, first = queens(n)
        print("queens", n, count, first)


main()
