# Augmented assignment on names and subscripts
x = 10
x += 5
print(x)
x -= 3
x *= 4
print(x)
x //= 5
print(x)
x %= 4
x **= 10
print(x)
x /= 4
print(x)
y = 6
y &= 3
y |= 8
y ^= 5
y <<= 3
y >>= 1
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
lst[1] -= 5
print(lst)
d = {"a": 1}
d["a"] += 1
d["b"] = 0
d["b"] -= 7
d["a"] **= 3
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 5
m[0][1] -= 2
m[1][1] = m[1][0]
m[1][1] *= 3
print(m)
alias = lst
lst += [4]
print(alias, lst, alias == lst)
lst = lst + [5]
print(alias, lst)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
counter = {}
for ch in "hello world":
    if ch in counter:
        counter[ch] += 1
    else:
        counter[ch] = 1
print(counter)
f = 1.5
f += 1
f *= 2
f -= 0.25
f /= 2
f //= 0.5
print(f)
big = 2 ** 62
big += big
big *= 4
big -= 1
print(big)
idx = [0, 0, 0]
for i in range(30):
    idx[i % 3] += i
print(idx)
n = 7
n //= -2
print(n)
n = -7
n %= 3
print(n)
calls = []


def key_of(k):
    calls.append(k)
    return k


dd = {"z": 1}
dd[key_of("z")] += 10
arr = [5, 6]
arr[key_of(1)] *= 3
print(dd, arr, calls)
z = 3
z += 0.5
print(z)
q = 2
q **= -1
print(q)
w = 1
for i in range(70):
    w <<= 1
w >>= 3
print(w)
