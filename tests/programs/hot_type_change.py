# HOT: a variable changes type mid-loop (int -> float, int -> big int, float -> int)
x = 0
for i in range(10000):
    if i == 5000:
        x = x + 0.5
    x += i
print(x)
y = 1
for i in range(1, 8000):
    if i % 4000 == 0:
        y = y / 2
    y = y + i
print(y)
z = 1.0
for i in range(6000):
    if i == 3000:
        z = int(z)
    z = (z * 3 + i) % 1000
print(z)
w = 1
for i in range(6000):
    if i < 70:
        w = w * 2
    else:
        w = w + i
print(w, w % 1000)
vals = [1, 2.5, 3, 4.5]
acc = 0
for i in range(8000):
    acc = acc + vals[i % 4]
print(acc)
m = 0
for i in range(10000):
    if i == 7000:
        m = float(m)
    m = m + i % 10
print(m, isinstance(m, float))
