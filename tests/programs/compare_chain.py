# Comparisons, chained comparisons, identity with None/True/False, membership
x = 2
print(1 < x < 3, 1 < x > 3, 0 <= x <= 2 < 5, 3 > x >= 2 == 2, 1 < 2 < 3 < 4 < 1)
print(1 == 1.0, 1 != 2, "a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 9), [] == [], [] == ())
print([1, [2, 3]] == [1, [2, 3]], {"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(None is None, None is not None, x is None, x is not None, True is True, False is not True)
flag = 1 < 2
print(flag is True, flag is False, (1 > 2) is False, None == None, None != 0)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", "z" not in "hello", "" in "abc")
print(2 in (1, 2), "a" in {"a": 1}, 1 in {"a": 1}, "b" not in {"a": 1}, [1] in [[1], [2]])
print(1.0 in [1, 2], 2 in [1.5, 2.0], "h" in ["hello"], (1, 2) in [(1, 2)])


def side(v, log):
    log.append(v)
    return v


log = []
r = side(1, log) < side(5, log) < side(3, log) < side(10, log)
print(r, log)
log = []
r = side(1, log) < side(2, log) < side(3, log)
print(r, log)
count = 0
for a in range(5):
    for b in range(5):
        if a < b <= 3:
            count += 1
print(count)
print(1 < 2.5 < 3, -1.5 < -1 < 0, 10 ** 20 > 1e19, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2 ** 53)
print(max("apple", "banana", "cherry"), min("b", "a", "c"), "é" > "e", "日" > "z")
print(True == 1, False == 0, True > False, 0 == 0.0 == -0.0)
print(10 ** 30 == 10.0 ** 30, 10 ** 22 == 1e22, 2 ** 1000 > 1e300, -(2 ** 1000) < -1e300)
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a == b, a == c, a != c, b != c)
print("abc" == "ab" + "c", "abc" != "ABC", (1, "a") < (1, "b"), (1, 2, 3) > (1, 2))
