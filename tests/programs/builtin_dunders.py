# The special methods of builtin types as attributes (CPython's slot wrappers):
# bound and unbound, NotImplemented for operands a slot does not know, hasattr.
import collections, itertools
d = {'a': 2, 'b': 1, 'c': 3}
print(sorted(d, key=d.__getitem__), max(d, key=d.get))
print('abc'.__len__(), [1, 2].__contains__(2), (5).__add__(3), int.__add__(2, 3), str.__len__('ab'))
it = iter([1, 2]); print(it.__next__(), next(it))
g = (x for x in 'ab'); print(g.__next__())
print({1}.__len__(), collections.deque([1]).__len__())
print((1).__class__, 'a'.__class__.__name__, [].__class__ is list, type(len).__name__ if False else 0)
print(list.__getitem__([1, 2], 1), (3.0).__truediv__(2), float.__truediv__(1.0, 2))
m = map(str, [1]); print(m.__next__())
print(range(3).__iter__().__next__())
tests = ['(1).__add__()', '[].__len__(1)', '[].__getitem__()', '[].__setitem__(1)', 'iter([]).__next__()', '(1).__eq__(1.0)',
  '(1.0).__eq__(1)', '[1].__add__((1,))', '{1}.__or__([1])', '{1:2}.keys().__or__([3])', '"a".__mul__("b")', '(1).__lt__("a")',
  'iter([]).__eq__(1)', '(1).__radd__(2.0)', '(2.0).__rsub__(1)', '(5).__format__("03")', '(5).__bool__()',
  'range(3).__lt__(range(3))', '{}.__lt__({})', '[1].__lt__([2])', '(3).__truediv__(0)', '(3).__pow__(2, 5)', 'int.__add__(True, 2)',
  '(True).__add__(True)', '(1.5).__int__()', '(7).__index__()', '(1).__float__()', '{1:2}.__getitem__(3)', '[].__contains__()',
  'hasattr(5, "__len__")', 'hasattr([], "__len__")', 'hasattr(iter([]), "__next__")', 'hasattr([], "__next__")',
  '(2).__mul__(3)', '[1].__mul__(2)', '"ab".__mul__(2)', '(2).__rmul__([1])', '"%s-%d".__mod__(("a", 1))', 'None.__eq__(None)',
  '[].__eq__([])', '(1,2).__hash__() == hash((1,2))', '"x".__repr__()', '(1.5).__str__()', '(-3).__abs__()', '(5).__neg__()',
  '(5).__invert__()', 'collections.Counter("aab").__getitem__("a")', 'collections.Counter("ab").__add__(collections.Counter("b"))',
  '{1: 2}.items().__contains__((1, 2))', 'frozenset([1]).__and__({1, 2})', '{1}.__eq__(frozenset([1]))', 'callable([].__len__)',
  'itertools.count().__next__()', '(lambda l: (l.__setitem__(0, 9), l))([1])', '(lambda l: (l.__delitem__(0), l))([1, 2])', '[].__len__.__name__']
for e in tests:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
print(17 .__divmod__(5), (5).__rdivmod__(17), (7.5).__divmod__(2), (1).__divmod__(2.0), (2.5).__round__(), (2.567).__round__(2), (7).__round__(-1), (3.7).__trunc__(), (-3.2).__floor__(), (3.2).__ceil__(), (5).__floor__())
print(int.__divmod__(7, 2), float.__round__(1.25, 1), sorted([2.5, 1.5], key=float.__round__))
