# HOT: tight integer loops (LCG, bit mixing), checksum at the end
total = 0
x = 12345
for i in range(50000):
    x = (x * 1103515245 + 12345) % 2147483648
    total += x % 1000
    total -= i
print(total, x)
acc = 0
i = 0
while i < 30000:
    acc = acc + (i & 255) - (i >> 3) + (i ^ 7) % 13
    i += 1
print(acc, i)
neg = 0
for j in range(-20000, 20000, 3):
    neg += j // 7 - j % 7 + (-j) // 5
print(neg)
h = 0
for k in range(20000):
    h = (h * 31 + k) % 1000000007
print(h)
