import types
from types import SimpleNamespace
ns = SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == SimpleNamespace(a=1, b="x", c=[1]), ns == 3)
try:
    SimpleNamespace({"k": 2}, z=1)
except TypeError as e:
    print(e)
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(print, types.FunctionType))
print(isinstance((x for x in []), types.GeneratorType), types.ModuleType, types.NoneType)
class A:
    def m(self): return 1
bm = types.MethodType(lambda self: self.__class__.__name__, A())
print(bm(), isinstance(A().m, types.MethodType))
class Cfg(SimpleNamespace): pass
print(Cfg(x=1))
