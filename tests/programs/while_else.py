# while loops with else, break, continue
i = 0
while i < 5:
    i += 1
else:
    print("finished normally", i)
i = 0
while i < 10:
    if i == 3:
        print("breaking at", i)
        break
    i += 1
else:
    print("never printed")
n = 0
while n < 0:
    n += 1
else:
    print("else on zero iterations", n)
i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
else:
    print("else after continue loop", odds)


def find_first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


print([find_first_divisor(k) for k in [2, 15, 17, 49, 97, 91, 221]])
count = 0
while True:
    count += 1
    if count >= 7:
        break
print(count)
a = 1071
b = 462
while b:
    a, b = b, a % b
print("gcd", a)
outer = 0
pairs = []
while outer < 4:
    inner = 0
    while inner < 4:
        if inner > outer:
            break
        if (inner + outer) % 2 == 1:
            inner += 1
            continue
        pairs.append((outer, inner))
        inner += 1
    else:
        pairs.append("inner-done")
    outer += 1
print(pairs)
digits = []
num = 90210
while num > 0:
    digits.append(num % 10)
    num //= 10
print(digits)
lst = [3, 5, 7, 8, 9]
k = 0
while k < len(lst) and lst[k] % 2 == 1:
    k += 1
print(k, lst[k])
