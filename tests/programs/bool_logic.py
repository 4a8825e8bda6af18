# and/or return operands, not, truthiness, conditional expressions
print(True and False, True or False, not True, not 0, not "", not [], not None, not 3)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0, [] and 5)
print(0 or "" or None, 1 and "x" and [1], 0.0 or -0.0, [] or {} or (), "a" and "")
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool("a"))
print(bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({"k": 0}), bool(None))
x = 5
print("big" if x > 3 else "small", "even" if x % 2 == 0 else "odd")


def check(v, log):
    log.append(v)
    return v


log = []
r = check(0, log) and check(1, log)
r2 = check(1, log) or check(2, log)
r3 = check(0, log) or check("", log) or check(3, log)
r4 = check(4, log) and check(5, log) and check(None, log) and check(6, log)
print(r, r2, r3, r4, log)
for v in [0, 1, 2, 3, 5, 9, 10, 15, 30]:
    label = "fizzbuzz" if v % 15 == 0 else "fizz" if v % 3 == 0 else "buzz" if v % 5 == 0 else str(v)
    print(label, end=" ")
print()
if [] or {}:
    print("wrong")
else:
    print("empty containers are falsy")
if "0":
    print("non-empty string is truthy")
n = 0
while not n > 5:
    n += 2
print(n)
print(not 1 == 2, not (1 and 0), not not [], (not 0) + 1)
y = None
print(y is None and "none" or "some", (y or 7) * 2)
items = [0, 1, "", "x", None, [], [0], 0.0]
truthy = 0
for it in items:
    if it:
        truthy += 1
print(truthy)
a = 3
b = 0
print(a and b, a or b, b or a, b and a, (a > 1) and (b < 1), (a < 1) or (b > 1))
print(1 if True else 0, 1 if 0 else 2 if "" else 3)
