"""Context managers from generators, and the small managers of the with statement.

Written for stitch after CPython 3.11's contextlib: the same names and behaviour,
for the parts listed in __all__; any other name of CPython's module is refused.
"""

__all__ = ["contextmanager", "suppress", "nullcontext", "closing"]


class _GeneratorContextManager:
    """What a @contextmanager function returns: runs the generator to its yield on
    entry, and on exit resumes it, or throws the with block's exception into it."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator caught the exception and finished: it is suppressed,
            # unless what stopped it is the block's own StopIteration.
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            # PEP 479 turns a StopIteration thrown in into a RuntimeError whose
            # cause it is: that is the block's exception propagating.
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager: a generator function becomes a factory of context managers."""

    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)

    helper.__name__ = func.__name__
    helper.__qualname__ = func.__qualname__
    helper.__doc__ = func.__doc__
    helper.__wrapped__ = func
    return helper


class suppress:
    """with suppress(E1, E2): the listed exceptions end the block silently."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext:
    """A manager that does nothing: `with nullcontext(x) as y` binds x."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class closing:
    """with closing(thing): calls thing.close() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()
