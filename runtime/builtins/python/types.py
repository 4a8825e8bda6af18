"""The names of CPython's `types` module that programs use: the types of functions,
generators, methods, modules and `X | Y` unions (the objects `type()` gives for them), and
SimpleNamespace, an object whose attributes are its constructor's keywords."""

import sys as _sys


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = FunctionType
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
ModuleType = type(_sys)
NoneType = type(None)
UnionType = type(int | str)
del _f, _g, _C


class SimpleNamespace:
    """A plain object: `SimpleNamespace(a=1).a`, compared by attributes, printed as
    `namespace(a=1)`."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        items = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{name}({items})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)

    __hash__ = None
