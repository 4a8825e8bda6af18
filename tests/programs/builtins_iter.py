# sorted, reversed, any, all, enumerate, zip, len
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((2.5, -1, 3)), sorted({"b": 1, "a": 2}), sorted([]))
print(sorted(["banana", "Apple", "cherry"]), sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True))
orig = [5, 3, 9]
s = sorted(orig)
print(orig, s)
print(sorted([2, 1.0, 1, 2.0, 0]), sorted([1.0, 1, True]), sorted([3, 1, 2], reverse=False))
print(sorted([2 ** 70, -(2 ** 70), 0, 1e30, -1.5]), sorted(["é", "e", "z", "日", "A"]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), "".join(reversed("stitch")), list(reversed([])))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any(["", None, 0.0]), all(["a", 1, [0]]), any((False, True)), all("abc"))
print(any([x > 5 for x in range(5)]), all([x >= 0 for x in range(5)]), any("") , all(""))
print(list(enumerate(["a", "b"])), list(enumerate("xy", start=5)), list(zip("abc", [1, 2, 3])))
print(list(zip([1, 2, 3], "ab", (True, False, None))), list(zip([], [1])), dict(list(zip("ab", [1, 2]))))
print(len([1, 2]), len("héllo"), len((1,)), len({"a": 1}), len(""), len([[1, 2, 3]]), len(list(range(7))))
names = ["ann", "bob", "cy"]
ages = [31, 27, 45]
cities = ("oslo", "rome", "lima")
for i, (n, a, c) in enumerate(zip(names, ages, cities), start=1):
    print(i, n, a, c)
pairs = list(zip(ages, names))
pairs.sort()
print(pairs, sorted(pairs, reverse=True)[0])
r = reversed([10, 20, 30])
print(list(r), list(r))
e = enumerate("ab")
print(list(e), list(e))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
it_total = 0
for a, b in zip(range(1000), range(1000, 0, -1)):
    it_total += a * b
print(it_total)
print(sorted(sorted([4, 2, 8], reverse=True)), list(reversed(sorted("cab"))))
