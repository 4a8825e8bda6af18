# Exceptions raised and caught inside hot loops: counting with KeyError, parsing with
# ValueError, nested handlers, finally with continue/break, errors from called
# functions, errors inside handlers, `with` in the loop body, and tracebacks of
# exceptions caught in a loop.
import traceback


def count_words(words):
    d = {}
    for w in words:
        try:
            d[w] += 1
        except KeyError:
            d[w] = 1
    return d


def parse_all(items):
    total = 0
    bad = 0
    last = ""
    for s in items:
        try:
            total += int(s)
        except ValueError as e:
            bad += 1
            last = str(e)
    return total, bad, last


def nested(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 7 == 0:
                    x = [1, 2, 3][i]
                else:
                    x = {0: 1}[i % 5]
            except KeyError as k:
                x = -1
                if i % 11 == 0:
                    raise ValueError("from handler %d" % i)
        except IndexError as e:
            x = -2
        except ValueError as e:
            x = (type(e.__context__).__name__, e.__context__.args)
        if i % 97 == 0 or isinstance(x, tuple):
            out.append((i, x))
    return out


def finally_paths(n):
    log = []
    total = 0
    for i in range(n):
        try:
            if i % 4 == 0:
                continue
            if i == n - 3:
                break
            total += 10 // (i % 5)
        except ZeroDivisionError:
            total -= 1
        finally:
            total += 1
    log.append(total)
    return log


def may_fail(i):
    if i % 3 == 0:
        raise LookupError("no %d" % i)
    return i * 2


def callee_errors(n):
    s = 0
    caught = 0
    for i in range(n):
        try:
            s += may_fail(i)
        except LookupError as e:
            caught += 1
            if i == 2001:
                print("caught", e, e.args)
    return s, caught


def error_in_handler(n):
    hits = 0
    d = {}
    for i in range(n):
        try:
            try:
                d[i % 10] += 1
            except KeyError:
                if i % 2:
                    d[i % 10] = 0
                else:
                    d[i % 10 + 100] += 1
        except KeyError as e:
            hits += 1
            last = e
    return hits, repr(last), sorted(d.items())[:3]


class Guard:
    def __init__(self):
        self.entered = 0
        self.exited = 0
        self.suppressed = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, t, v, tb):
        self.exited += 1
        if t is ZeroDivisionError:
            self.suppressed += 1
            return True
        return False


def with_in_loop(n):
    g = Guard()
    acc = 0
    for i in range(n):
        with g as h:
            acc += 100 // (i % 9)
        try:
            with g:
                if i % 13 == 0:
                    raise KeyError(i)
                acc += 1
        except KeyError as e:
            acc -= e.args[0] % 3
    return acc, g.entered, g.exited, g.suppressed


def traced(n):
    shown = []
    for i in range(n):
        try:
            v = (1, 2)[i % 3]
        except IndexError:
            if i in (2000, 2501):
                lines = traceback.format_exc().splitlines()
                shown.append([l.split(", ", 1)[1] for l in lines if l.startswith("  File")] + lines[-1:])
    return shown


def unmatched(n):
    # Most iterations catch; the last one's exception matches no handler here.
    caught = 0
    for i in range(n):
        try:
            if i == n - 1:
                raise RuntimeError("last")
            [][i]
        except IndexError:
            caught += 1
    return caught


words = [str(i * 7 % 1000) for i in range(20000)]
d = count_words(words)
print(len(d), d["0"], d["999"], sum(d.values()))
print(parse_all([str(i) if i % 3 else "x%d" % i for i in range(10000)]))
print(nested(2000)[:12])
print(finally_paths(3000))
print(callee_errors(3000))
print(error_in_handler(2000))
print(with_in_loop(3000))
for lines in traced(3000):
    print(lines)
try:
    unmatched(3000)
except RuntimeError as e:
    print("escaped:", e)
