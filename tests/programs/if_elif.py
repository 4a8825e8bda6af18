# if / elif / else
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


for v in [-5, 0, 3, 42, 1000, 9, 10, 99, 100, -0.5, 0.0, 2 ** 70]:
    print(v, classify(v))


def grade(score):
    if score >= 90:
        g = "A"
    elif score >= 80:
        g = "B"
    elif score >= 70:
        g = "C"
    else:
        g = "F"
    if score == 100:
        g = g + "+"
    return g


print([grade(s) for s in [100, 95, 85, 75, 65, 90, 80, 70]])
x = 15
if x % 3 == 0:
    if x % 5 == 0:
        print("divisible by 15")
    else:
        print("divisible by 3 only")
elif x % 5 == 0:
    print("divisible by 5 only")
if x:
    pass
else:
    print("not reached")
if not x:
    print("not reached")
elif x > 10 and x < 20:
    print("teen")
if x > 100:
    print("no")
if x in [1, 15] and "a" not in "xyz" or x is None:
    print("compound condition")
if "":
    print("no")
elif []:
    print("no")
elif 0.0:
    print("no")
elif None:
    print("no")
else:
    print("all falsy")
counts = [0, 0, 0]
for i in range(300):
    if i % 2 == 0 and i % 3 == 0:
        counts[0] += 1
    elif i % 2 == 0 or i % 5 == 0:
        counts[1] += 1
    else:
        counts[2] += 1
print(counts)


def sign(n):
    if n > 0:
        return 1
    if n < 0:
        return -1
    return 0


print(sign(5), sign(-3), sign(0), sign(-0.0), sign(1e-300))
