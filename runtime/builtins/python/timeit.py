"""timeit: times a statement (source text or a callable) run many times. Source text
is compiled, with the setup, into one function whose loop runs the statement, as
CPython's does, so the loop's own cost is all that is added; it runs in a namespace
of its own, or in `globals` when given. The command-line interface is not provided.
"""

import time as _time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_timer = _time.perf_counter
default_number = 1000000
default_repeat = 5


def _indented(source, spaces):
    return source.replace("\n", "\n" + " " * spaces)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = stmt
        self._setup = setup
        if isinstance(stmt, str):
            compile(stmt, "<timeit-src>", "exec")
            stmt_code = _indented(stmt, 8)
        elif callable(stmt):
            stmt_code = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        if isinstance(setup, str):
            compile(setup, "<timeit-src>", "exec")
            setup_code = _indented(setup, 4)
        elif callable(setup):
            setup_code = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        # Callables come in as arguments, so the caller's globals gain no names.
        self.src = ("def inner(_it, _timer, _stmt, _setup):\n"
                    "    " + setup_code + "\n"
                    "    _t0 = _timer()\n"
                    "    for _i in _it:\n"
                    "        " + stmt_code + "\n"
                    "    _t1 = _timer()\n"
                    "    return _t1 - _t0\n")
        scope = {} if globals is None else globals
        # Held here too: stitch's functions made by exec do not keep their globals
        # alive on their own.
        self._globals = scope
        exec(self.src, scope)
        self.inner = scope.pop("inner")

    def timeit(self, number=default_number):
        return self.inner(range(number), self.timer, self._stmt, self._setup)

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
