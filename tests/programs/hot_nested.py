# HOT: nested loops (matrix multiply, triple loops, inner break)
n = 24
a = [[(i * n + j) % 7 - 3 for j in range(n)] for i in range(n)]
b = [[(i + 2 * j) % 5 - 2 for j in range(n)] for i in range(n)]
c = [[0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        s = 0
        for k in range(n):
            s += a[i][k] * b[k][j]
        c[i][j] = s
checksum = 0
for i in range(n):
    for j in range(n):
        checksum = (checksum * 7 + c[i][j]) % 1000003
print(checksum, c[0][:5], c[n - 1][-3:])
triples = 0
for x in range(1, 60):
    for y in range(x, 60):
        for z in range(y, 60):
            if x * x + y * y == z * z:
                triples += 1
print("triples", triples)
pairs = 0
for i in range(200):
    for j in range(200):
        if j > i:
            break
        if (i ^ j) % 3 == 0:
            pairs += 1
print("pairs", pairs)
