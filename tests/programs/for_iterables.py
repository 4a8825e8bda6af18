# for over range, list, tuple, str, dict, enumerate, zip, reversed, sorted
for i in range(3):
    print(i, end=" ")
print()
for i in range(2, 5):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0, 10, 4):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never")
for i in range(-3, 3):
    print(i, end=" ")
print()
for i in range(3, -3, -1):
    print(i, end=" ")
print()
for i in range(0, -10, -4):
    print(i, end=",")
print()
print(list(range(0, -10, -2)), list(range(-5)), list(range(5, 0)), list(range(1, 2, 5)))
print(sum(range(101)), sum(range(1, 100, 2)), list(range(10, 20, 3)), list(range(20, 10, -3)))
for x in [1, "two", 3.0, None, [4], (5,)]:
    print(repr(x), end=" ")
print()
for x in (1, 2):
    print(x * 10, end=" ")
print()
for ch in "héllo":
    print(ch, end="-")
print()
for k in {"b": 1, "a": 2, "c": 3}:
    print(k, end=" ")
print()
for i, v in enumerate("abc"):
    print(i, v, end="; ")
print()
for i, v in enumerate(["x", "y"], start=1):
    print(i, v, end="; ")
print()
for i, v in enumerate([10, 20], start=-1):
    print(i, v, end="; ")
print()
for a, b in zip([1, 2, 3], "ab"):
    print(a, b, end="; ")
print()
for a, b, c in zip(range(3), "xyz", [True, False, None]):
    print(a, b, c, end="; ")
print()
print(list(zip([1, 2], [3, 4])), list(enumerate("ab")), list(zip("ab", "cd", "ef")))
for i in range(3):
    i = 10
    print(i, end=" ")
print(i)
for x in reversed([1, 2, 3]):
    print(x, end=" ")
print()
for x in sorted([3, 1, 2], reverse=True):
    print(x, end=" ")
print()
for k in sorted({"b": 1, "a": 2, "c": 0}):
    print(k, end=" ")
print()
data = [5, 3, 8]
for v in data:
    v = v * 2
print(data)
n = 3
for i in range(n):
    n = 100
print(n, i)
for idx, (name, score) in enumerate([("ann", 90), ("bob", 85)], start=1):
    print(idx, name, score)
total = 0
for x in range(1000):
    total += x
print(total)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
for word in "split these words".split():
    print(word.upper(), end=" ")
print()
for t in [(1, 2), (3, 4)]:
    print(t, t[0] + t[1])
