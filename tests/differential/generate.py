#!/usr/bin/env python3
"""Random programs in stitch's subset for differential testing against CPython
(runtime/tests/differential.rs runs them under every tier).

  python3 generate.py SEED    print program SEED (its kind is KINDS[SEED % 7]: int and
                              float arithmetic, loop and call mechanisms, or one of the
                              kinds built from pieces.py: classes, generators, closures,
                              try/finally and with, sets, comprehensions and
                              star-unpacking; every third one then fails late in a hot loop)

Stdlib only; the same seed always gives the same program.
"""
import random
import sys

import pieces


def arithmetic(seed):
    """One loop of int/float arithmetic past the small ints and i64, with branches."""
    r = random.Random(seed)
    vars_ = ["a", "b", "c", "d"]
    lines = []
    def atom():
        k = r.random()
        if k < 0.35: return r.choice(vars_)
        if k < 0.5: return "i"
        if k < 0.7: return str(r.choice([0, 1, 2, 3, 7, 13, 255, 1000, 65535, 1103515245, 2**31, 2**40, 2**47-1, 2**47, -(2**47), 2**62, -5, -1]))
        if k < 0.8: return r.choice(["0.5", "1.5", "-2.25", "3.0", "1e10"])
        if k < 0.85: return "L[i % 3]"
        return "(" + expr(2) + ")"
    def expr(d):
        if d <= 0 or r.random() < 0.3: return atom()
        op = r.choice(["+", "-", "*", "//", "%", "&", "|", "^", ">>", "<<", "/", "+", "*", "-", "**"])
        left, right = expr(d - 1), expr(d - 1)
        if op in ("//", "%", "/"):
            right = "(" + right + " or 1)"
        if op == "**":
            left, right = "abs(float(" + left + "))", "(float(" + right + ") % 3.0)"
        if op in ("<<", ">>"):
            right = "(abs(int(" + right + ")) % 70)"
        if op in ("&", "|", "^", "<<", ">>"):
            left = "int(" + left + ")"
            if op in ("&", "|", "^"): right = "int(" + right + ")"
        return "(" + left + " " + op + " " + right + ")"
    def cond():
        return expr(1) + " " + r.choice(["<", ">", "==", "!=", "<=", ">="]) + " " + expr(1)
    lines.append("L = [3, 2.5, 7]")
    lines.append("def clamp(v):\n    if isinstance(v, float):\n        if v != v or v > 1e30 or v < -1e30:\n            return 1.0\n        return v\n    if v > 10**30 or v < -10**30:\n        return v % 1000003\n    return v")
    for v in vars_:
        lines.append(f"{v} = {r.choice(['0', '1', '2.0', '12345', '-7'])}")
    n = r.choice([50, 200, 1000, 3000])
    lines.append(f"for i in range({n}):")
    body = []
    for _ in range(r.randint(2, 6)):
        v = r.choice(vars_)
        k = r.random()
        if k < 0.6:
            body.append(f"    {v} = clamp({expr(3)})")
        elif k < 0.8:
            body.append(f"    if {cond()}:\n        {v} = clamp({expr(2)})\n    else:\n        {v} = clamp({expr(2)})")
        else:
            body.append(f"    {v} += 1")
            body.append(f"    {v} = clamp({v})")
    lines += body
    lines.append("print(" + ", ".join(vars_) + ")")
    return "\n".join(lines) + "\n"


def mechanisms(seed):
    """Nested loops, calls the traces follow, branches that flip, lists, dicts, strs,
    globals that change type."""
    r = random.Random(seed)
    out = []
    def num():
        return r.choice(["0", "1", "2", "3", "7", "-1", "0.5", "2.5", "1000003", "2147483648", "140737488355327"])
    def var(scope):
        return r.choice(scope)
    def expr(scope, d=2):
        k = r.random()
        if d <= 0 or k < 0.3:
            return r.choice([var(scope), var(scope), num()])
        if k < 0.45:
            return f"f{r.randrange(3)}({expr(scope, d-1)}, {expr(scope, d-1)})"
        if k < 0.55:
            return f"len(s) + {expr(scope, d-1)}"
        if k < 0.65:
            return f"lst[int({expr(scope, d-1)}) % len(lst)]"
        if k < 0.7:
            return f"dd.get(int({expr(scope, d-1)}) % 5, 0)"
        op = r.choice(["+", "-", "*", "%", "//", "+", "-"])
        rhs = expr(scope, d-1)
        if op in ("%", "//"):
            rhs = f"({rhs} or 3)"
        return f"({expr(scope, d-1)} {op} {rhs})"
    def small(e):
        return f"norm({e})"
    def block(scope, indent, depth):
        lines = []
        for _ in range(r.randint(1, 4)):
            k = r.random()
            p = " " * indent
            v = var(scope)
            if k < 0.35:
                lines.append(f"{p}{v} = {small(expr(scope))}")
            elif k < 0.5:
                lines.append(f"{p}if {expr(scope, 1)} {r.choice(['<', '>', '==', '!='])} {expr(scope, 1)}:")
                lines += block(scope, indent + 4, depth) 
                if r.random() < 0.5:
                    lines.append(f"{p}else:")
                    lines += block(scope, indent + 4, depth)
            elif k < 0.62 and depth < 2:
                it = r.choice(["range(" + str(r.choice([3, 10, 40])) + ")", "lst", "s", "range(len(lst))", "dd"])
                iv = f"j{depth}"
                lines.append(f"{p}for {iv} in {it}:")
                inner = scope + ([iv] if it.startswith("range") else [])
                lines += block(inner, indent + 4, depth + 1)
                if r.random() < 0.3:
                    lines.append(f"{p}    if {expr(inner, 1)} == 3:\n{p}        break")
            elif k < 0.7:
                lines.append(f"{p}lst[int({expr(scope, 1)}) % len(lst)] = {small(expr(scope))}")
            elif k < 0.76:
                lines.append(f"{p}dd[int({expr(scope, 1)}) % 5] = {small(expr(scope))}")
            elif k < 0.8:
                lines.append(f"{p}s = s[1:] + str({expr(scope, 0)})[-1:]")
            elif k < 0.84:
                lines.append(f"{p}g = {small(expr(scope))}")
            elif k < 0.88 and depth < 2:
                w = f"w{depth}"
                lines.append(f"{p}{w} = 0\n{p}while {w} < {r.choice([2, 5, 9])}:\n{p}    {w} += 1\n{p}    if {w} == {r.choice([1, 3])}:\n{p}        continue")
                lines += block(scope, indent + 4, depth + 1)
            else:
                lines.append(f"{p}{v} += {small(expr(scope, 1))}")
        return lines
    out.append("def norm(v):\n    if isinstance(v, float):\n        if v != v or v > 1e12 or v < -1e12:\n            return 0.5\n        return v\n    return v % 1000000007 - 500000003")
    for k in range(3):
        body = r.choice(["a + b", "a * 2 - b", "a if a > b else b", "(a % 7) + b * 0.5 if isinstance(b, float) else a - b", "g + a"])
        out.append(f"def f{k}(a, b):\n    return norm({body})")
    out.append("lst = [1, 2.5, 3, 4, 5]\ndd = {0: 1, 1: 2.0}\ns = 'abcde'\ng = 1")
    scope = ["x", "y", "z"]
    for v in scope:
        out.append(f"{v} = {num()}")
    out.append(f"def main(x, y, z):")
    n = r.choice([30, 300, 2000])
    out.append(f"    global g, s")
    out.append(f"    for i in range({n}):")
    out += block(scope + ["i"], 8, 0)
    if r.random() < 0.3:
        out.append(f"        if i == {n // 2}:\n            g = 2.5")
    out.append("    return x, y, z")
    out.append("print(main(x, y, z), lst, sorted(dd.items()), s, g)")
    return "\n".join(out) + "\n"


# What `raising` makes fail: (setup, the good value at iteration i, the bad value,
# an expression of `v` that raises on the bad value). The bad value has the good
# one's type where it can, so the error is raised inside a trace, not after a guard
# sent it back to tier 1.
FAILURES = [
    ("t_d = {0: 1, 1: 2.5, 2: 3}", "i % 3", "7", "t_d[v]"),
    ("t_l = [1, 2.5, 3]", "i % 3", "5", "t_l[v]"),
    ("t_l = [1, 2.5, 3]", "i % 3", "-9", "t_l[v] + 1"),
    ("t_x = 10.0", "float(i % 5 + 1)", "0.0", "t_x // v"),
    ("t_x = 10.0", "float(i % 5 + 1)", "0.0", "t_x % v"),
    ("t_x = 10.0", "float(i % 5 + 1)", "0.0", "t_x / v"),
    ("t_x = 1000003", "i % 5 + 1", "0", "t_x // v"),
    ("t_x = 1000003", "i % 5 + 1", "0", "t_x % v"),
    ("t_x = 7", "i % 5 + 1", "0", "t_x / v"),
    ("t_x = 0", "i", "'s'", "-v"),
    ("t_x = 0", "i % 7", "[1]", "v ** 2"),
    ("t_x = 0", "1.5", "'s'", "v ** 2"),
    ("t_x = 0", "str(i)", "'x1'", "int(v)"),
    ("t_x = 0", "str(i % 9)", "''", "int(v) + 1"),
    ("t_x = 0", "-i", "'neg'", "abs(v)"),
    ("t_x = 0", "[i, 1.5]", "[1, 'two']", "sum(v)"),
    ("t_x = 0", "i", "'s'", "v + 1"),
    ("t_x = 'ab'", "'c' * (i % 3)", "i", "t_x + v"),
    ("t_x = 0", "'abc'", "5", "len(v)"),
    ("t_x = [1, 2]", "i % 2", "'k'", "t_x[v]"),
    ("t_x = 2", "i % 60", "-1", "t_x << v"),
    ("t_x = 0", "i % 5", "9", "[0, 1, 2, 3, 4, 5].index(v)"),
]


def raising(seed):
    """A program that fails late in a hot loop: at module level, in a nested loop or a
    while loop, or in a callee (or its callee) that traces follow, with lines of other
    work around the failing one, so that every frame's line shows in the traceback."""
    r = random.Random(seed * 7919 + 1)
    setup, good, bad, failing = r.choice(FAILURES)
    n = r.choice([20, 100, 600, 3000])
    at = r.randrange(n // 2, n)
    out = ["t_acc = 0", setup]
    def work(p, var):
        return [f"{p}t_acc = (t_acc + {r.choice([var, '1', '3'])}) % 1000003" for _ in range(r.randint(0, 2))]
    where = r.choice(["loop", "callee", "callee2", "nested", "while"])
    fail = f"t_acc = (t_acc + len(str({failing}))) % 1000003"
    if where in ("callee", "callee2"):
        out.append("def t_inner(v, i):\n    global t_acc")
        out += work("    ", "i")
        out.append(f"    {fail}")
        out += work("    ", "i")
        out.append("    return i")
        call = "t_inner(v, i)"
        if where == "callee2":
            out.append("def t_outer(v, i):\n    global t_acc")
            out += work("    ", "i")
            out.append("    j = t_inner(v, i)")
            out += work("    ", "j")
            out.append("    return j")
            call = "t_outer(v, i)"
    out.append(f"for i in range({n}):")
    out.append(f"    v = {good} if i != {at} else {bad}")
    out += work("    ", "i")
    if where in ("callee", "callee2"):
        out.append(f"    t_acc = (t_acc + {call}) % 1000003")
    elif where == "nested":
        out.append("    for k in range(2):")
        out += work("        ", "k")
        out.append(f"        {fail}")
    elif where == "while":
        out.append("    w = 0\n    while w < 2:\n        w += 1")
        out += work("        ", "w")
        out.append(f"        {fail}")
    else:
        out.append(f"    {fail}")
    out += work("    ", "i")
    out.append("print(t_acc)")
    return "\n".join(out) + "\n"


# Seed % 7 picks the kind. Before the piece kinds came, even seeds were `arithmetic`
# and odd ones `mechanisms`: a seed's program changed then, but not the programs of a
# kind (`arithmetic(seed)` is the same program for the same seed).
KINDS = ["arithmetic", "mechanisms", "classes", "generators", "closures", "flow", "collections"]


def program(seed):
    """The kind `KINDS[seed % 7]`; every third seed then fails late in a hot loop
    (`raising`), if the program has not failed before."""
    kind = KINDS[seed % len(KINDS)]
    if kind == "arithmetic":
        text = arithmetic(seed)
    elif kind == "mechanisms":
        text = mechanisms(seed)
    else:
        text = pieces.build(random.Random(seed * 104729 + 17), pieces.POOLS[kind])
    if seed % 3 == 2:
        text += raising(seed)
    return text


if __name__ == "__main__":
    print(program(int(sys.argv[1])), end="")
