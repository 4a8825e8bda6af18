# int, float, str, bool, repr, list, tuple, dict, chr, ord, isinstance
print(int("42"), int("-17"), int("+8"), int("007"), int("0"), int("-0"), int(3.9), int(-3.9))
print(int("ff", 16), int("-101", 2), int("777", 8), int("z", 36), int("ZZ", 36), int("10", 3), int("123456789abcdef", 16))
print(int("FF", 16), int("11111111111111111111111111111111111111111111111111111111111111111111", 2))
print(int("99999999999999999999") + 1, int(1e15), int(-2.5e-3), int(7))
print(float("1.5"), float("-2"), float("1e10"), float("inf"), float("-inf"), float("nan"), float(3), float(2 ** 60))
print(float("0.1"), float(".5"), float("5."), float("1e-5"), float("-0"), float("123456789012345678"))
print(str(12), str(-1.5), str(None), str(True), str("x"), str([1, 'a']), str((1,)), str({}), str(2 ** 65))
print(bool(0), bool(2), bool(""), bool("0"), bool([]), bool([[]]), bool(0.0), bool(None), bool(-0.0), bool(" "))
print(repr("a"), repr(1), repr(1.0), repr([1, "a"]), repr(None), repr(-0.0), repr(2 ** 64))
print(list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list([1, 2]), list())
print(tuple([1, 2]), tuple("ab"), tuple(range(2)), tuple(), tuple({"k": 1}))
print(dict(), dict([("a", 1), ("b", 2)]), dict([(1, "x"), (1, "y")]), dict([[1, 2], [3, 4]]), dict([]))
print(chr(65), chr(97), chr(48), chr(233), chr(26085), chr(128512), chr(32) == " ")
print(ord("A"), ord("a"), ord("0"), ord("é"), ord("日"), ord(" "), ord("😀"), ord("\n"))
print(isinstance(1, int), isinstance(1.0, int), isinstance(1.0, float), isinstance("s", str), isinstance([], list))
print(isinstance((), tuple), isinstance({}, dict), isinstance(True, bool), isinstance(True, int), isinstance(1, bool))
print(isinstance(1, (float, str)), isinstance(1, (float, int)), isinstance(None, (int, str)), isinstance(2 ** 100, int))
print(isinstance([], (tuple, dict)), isinstance("x", (list, str)), isinstance(0.0, (int,)), isinstance(False, (str, bool)))
print(int(str(123) + "4") + 1, str(int("5") * 3), float(str(0.1)) == 0.1, str(float("1e16")))
for v in [0.1, 1 / 3, 1e16, 2.5e-8, 123.456, -0.0, 5e-324]:
    print(float(repr(v)) == v, end=" ")
print()
caesar = ""
for ch in "Hello, World":
    if "a" <= ch <= "z":
        caesar += chr((ord(ch) - ord("a") + 3) % 26 + ord("a"))
    elif "A" <= ch <= "Z":
        caesar += chr((ord(ch) - ord("A") + 3) % 26 + ord("A"))
    else:
        caesar += ch
print(caesar)
digits = [int(c) for c in str(2 ** 50)]
print(digits, sum(digits))
binary = ""
n = 37
while n > 0:
    binary = str(n % 2) + binary
    n //= 2
print(binary, int(binary, 2), int("100101", 2) == 37)
print(list(str(3.25)), tuple(str(-7)), str(list("ab")), len(str(10 ** 100)))
