# A toy language run two ways: a tree-walking interpreter over AST node classes
# (dispatch by method on each node class) and a compiler from the same AST to a flat
# list of (opcode, argument) pairs run by a stack-machine loop that dispatches on
# integer opcodes with an if/elif chain. The programs (loops, arithmetic, calls to
# toy functions, recursion) are built as ASTs in code; both engines must agree.


class Node:
    pass


class Num(Node):
    def __init__(self, value):
        self.value = value

    def eval(self, env, funcs):
        return self.value


class Var(Node):
    def __init__(self, name):
        self.name = name

    def eval(self, env, funcs):
        return env[self.name]


class BinOp(Node):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env, funcs):
        a = self.left.eval(env, funcs)
        b = self.right.eval(env, funcs)
        op = self.op
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "%":
            return a % b
        if op == "<":
            return 1 if a < b else 0
        if op == "==":
            return 1 if a == b else 0
        raise ValueError("bad op " + op)


class Call(Node):
    def __init__(self, name, args):
        self.name = name
        self.args = args

    def eval(self, env, funcs):
        params, body = funcs[self.name]
        local = {}
        for p, a in zip(params, self.args):
            local[p] = a.eval(env, funcs)
        try:
            body.run(local, funcs)
        except ReturnSignal as r:
            return r.value
        return 0


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class Assign(Node):
    def __init__(self, name, expr):
        self.name = name
        self.expr = expr

    def run(self, env, funcs):
        env[self.name] = self.expr.eval(env, funcs)


class Block(Node):
    def __init__(self, stmts):
        self.stmts = stmts

    def run(self, env, funcs):
        for s in self.stmts:
            s.run(env, funcs)


class While(Node):
    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def run(self, env, funcs):
        while self.cond.eval(env, funcs):
            self.body.run(env, funcs)


class If(Node):
    def __init__(self, cond, then, other):
        self.cond = cond
        self.then = then
        self.other = other

    def run(self, env, funcs):
        if self.cond.eval(env, funcs):
            self.then.run(env, funcs)
        elif self.other is not None:
            self.other.run(env, funcs)


class Return(Node):
    def __init__(self, expr):
        self.expr = expr

    def run(self, env, funcs):
        raise ReturnSignal(self.expr.eval(env, funcs))


# --- the compiler to stack code ---------------------------------------------------

PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, EQ, JUMP, JUMP_IF_FALSE, CALL, RET = range(13)
BINOPS = {"+": ADD, "-": SUB, "*": MUL, "%": MOD, "<": LT, "==": EQ}


class Compiler:
    def __init__(self):
        self.code = []

    def emit(self, op, arg=0):
        self.code.append((op, arg))
        return len(self.code) - 1

    def patch(self, at, target):
        self.code[at] = (self.code[at][0], target)

    def expr(self, e):
        t = type(e)
        if t is Num:
            self.emit(PUSH, e.value)
        elif t is Var:
            self.emit(LOAD, e.name)
        elif t is BinOp:
            self.expr(e.left)
            self.expr(e.right)
            self.emit(BINOPS[e.op])
        elif t is Call:
            for a in e.args:
                self.expr(a)
            self.emit(CALL, (e.name, len(e.args)))
        else:
            raise TypeError(t.__name__)

    def stmt(self, s):
        t = type(s)
        if t is Assign:
            self.expr(s.expr)
            self.emit(STORE, s.name)
        elif t is Block:
            for x in s.stmts:
                self.stmt(x)
        elif t is While:
            top = len(self.code)
            self.expr(s.cond)
            exit_jump = self.emit(JUMP_IF_FALSE)
            self.stmt(s.body)
            self.emit(JUMP, top)
            self.patch(exit_jump, len(self.code))
        elif t is If:
            self.expr(s.cond)
            else_jump = self.emit(JUMP_IF_FALSE)
            self.stmt(s.then)
            if s.other is not None:
                end_jump = self.emit(JUMP)
                self.patch(else_jump, len(self.code))
                self.stmt(s.other)
                self.patch(end_jump, len(self.code))
            else:
                self.patch(else_jump, len(self.code))
        elif t is Return:
            self.expr(s.expr)
            self.emit(RET)
        else:
            raise TypeError(t.__name__)


def compile_function(params, body):
    c = Compiler()
    c.stmt(body)
    c.emit(PUSH, 0)
    c.emit(RET)
    return params, c.code


def run_code(code, env, functions, counter):
    stack = []
    pc = 0
    while True:
        op, arg = code[pc]
        pc += 1
        counter[0] += 1
        if op == PUSH:
            stack.append(arg)
        elif op == LOAD:
            stack.append(env[arg])
        elif op == STORE:
            env[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            stack[-1] += b
        elif op == SUB:
            b = stack.pop()
            stack[-1] -= b
        elif op == MUL:
            b = stack.pop()
            stack[-1] *= b
        elif op == MOD:
            b = stack.pop()
            stack[-1] %= b
        elif op == LT:
            b = stack.pop()
            stack[-1] = 1 if stack[-1] < b else 0
        elif op == EQ:
            b = stack.pop()
            stack[-1] = 1 if stack[-1] == b else 0
        elif op == JUMP:
            pc = arg
        elif op == JUMP_IF_FALSE:
            if not stack.pop():
                pc = arg
        elif op == CALL:
            name, argc = arg
            params, fcode = functions[name]
            args = stack[len(stack) - argc:]
            del stack[len(stack) - argc:]
            stack.append(run_code(fcode, dict(zip(params, args)), functions, counter))
        elif op == RET:
            return stack.pop()
        else:
            raise ValueError(op)


# --- the toy programs -------------------------------------------------------------

def N(v):
    return Num(v)


def V(n):
    return Var(n)


def B(op, a, b):
    return BinOp(op, a, b)


def toy_functions():
    funcs = {}
    # fib(n): if n < 2: return n; return fib(n-1) + fib(n-2)
    funcs["fib"] = (["n"], Block([
        If(B("<", V("n"), N(2)), Return(V("n")), None),
        Return(B("+", Call("fib", [B("-", V("n"), N(1))]), Call("fib", [B("-", V("n"), N(2))]))),
    ]))
    # gcd(a, b) by repeated remainder
    funcs["gcd"] = (["a", "b"], Block([
        While(B("<", N(0), V("b")), Block([
            Assign("t", B("%", V("a"), V("b"))),
            Assign("a", V("b")),
            Assign("b", V("t")),
        ])),
        Return(V("a")),
    ]))
    # collatz(n): steps to reach 1
    funcs["collatz"] = (["n"], Block([
        Assign("s", N(0)),
        While(B("<", N(1), V("n")), Block([
            If(B("==", B("%", V("n"), N(2)), N(0)),
               Assign("n", B("-", V("n"), B("*", B("-", V("n"), B("%", V("n"), N(2))), N(0)))),
               None),
            If(B("==", B("%", V("n"), N(2)), N(0)),
               Assign("n", B("-", V("n"), B("-", V("n"), Call("half", [V("n")])))),
               Assign("n", B("+", B("*", V("n"), N(3)), N(1)))),
            Assign("s", B("+", V("s"), N(1))),
        ])),
        Return(V("s")),
    ]))
    # half(n) for even n, by counting (a deliberately loopy helper)
    funcs["half"] = (["n"], Block([
        Assign("h", N(0)),
        Assign("k", N(0)),
        While(B("<", V("k"), V("n")), Block([
            Assign("k", B("+", V("k"), N(2))),
            Assign("h", B("+", V("h"), N(1))),
        ])),
        Return(V("h")),
    ]))
    return funcs


def main_program():
    # total = sum over i < 60 of gcd(i*7+3, 91) + collatz(i+1), then + fib(16)
    return Block([
        Assign("i", N(0)),
        Assign("total", N(0)),
        While(B("<", V("i"), N(60)), Block([
            Assign("total", B("+", V("total"), Call("gcd", [B("+", B("*", V("i"), N(7)), N(3)), N(91)]))),
            Assign("total", B("+", V("total"), Call("collatz", [B("+", V("i"), N(1))]))),
            Assign("i", B("+", V("i"), N(1))),
        ])),
        Assign("total", B("+", V("total"), Call("fib", [N(16)]))),
    ])


def main():
    funcs = toy_functions()
    prog = main_program()
    for rnd in range(2):
        env = {}
        prog.run(env, funcs)
        tree_total = env["total"]
        compiled = {name: compile_function(p, b) for name, (p, b) in funcs.items()}
        _, main_code = compile_function([], prog)
        counter = [0]
        env2 = {}
        main_code = main_code[:-2] + [(LOAD, "total"), (RET, 0)]
        stack_total = run_code(main_code, env2, compiled, counter)
        print("round", rnd, "tree", tree_total, "stack", stack_total, "ops", counter[0],
              "code sizes", sorted((n, len(c)) for n, (_, c) in compiled.items()))
        if tree_total != stack_total:
            raise RuntimeError("engines disagree")


main()
