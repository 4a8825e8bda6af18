# Printing (repr) of nested containers
print([1, [2, [3, [4]]]], [[]], [()], [{}], {"a": {"b": {"c": []}}})
print([1.0, 2.5, -0.0, 1e16, 1e-05, float("inf"), float("nan")], (0.1 + 0.2,))
print(["a", 'b', "it's", 'say "hi"'], ("x",), ("x", "y"), ((1,),))
print({1: "one", "two": 2, (3, 4): [5, 6], None: None, 2.5: True})
print([None, True, False], (None,), {"k": None}, [[None]])
print(str([1, 2]), repr([1, 2]), str((1,)), repr(("a",)))
print([], (), {}, [[], ()], ([], {}), {"e": ()})
print(list(range(5)), list(range(0)), tuple(range(3)), list("héllo"))
print(dict([(1, 2), (3, 4)]), list({"a": 1, "b": 2}.items()))
print([1, "1", 1.0, [1], (1,), {"1": 1}])
x = [1, 2]
y = [x, x]
print(y)
x.append(3)
print(y)
print([-1, -2.5, -(2 ** 70)], {-1: -1}, (-0.0, 0.0))
pair = [1, "a"]
print(f"{pair}", f"{(1,)}", str({"k": [1, (2,)]}))
print(["日本", "héllo"], {"ключ": "значение"}, ("😀",))
print([[1, 2], [3, 4]], [(1, 2), (3, 4)], ({"a": [1]},))
table = {}
for i in range(3):
    table[str(i)] = [i, float(i), str(i), (i,)]
print(table)
