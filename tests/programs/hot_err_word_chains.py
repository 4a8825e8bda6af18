# Int chains past the 48-bit small ints in hot loops: the trace keeps their intermediate
# results as machine words (runtime/src/tier2/words.rs); exits box them back.
x = 12345
acc = 0
for i in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    acc = (acc + x * x) % 1000000007
print(x, acc)

# A product that stays beyond 48 bits: stored as a heap int every time.
ys = []
for i in range(200):
    y = (i + 1) * 1000000000000
    ys.append(y)
print(ys[-1], sum(ys))

# Growing past i64: words overflow, tier 1 makes big ints.
v = 3
for i in range(100):
    v = v * 3 + 1
print(v)

def chain(n):
    t = 0
    for k in range(n):
        a = k * 99999999999
        b = (a * 77777 - k) // 3
        c = (b % 1000003) ^ (b >> 40) | (a & 65535)
        t += c - (b << 2) // 4096
    return t
print(chain(500))

# Negative numbers, floor division and modulo of words.
m = 0
for k in range(-300, 300):
    w = k * 50000000000
    m += w // 7 - w % 11 + (w // -13) + (w % -17)
print(m)

# Shifts: large left shifts, right shifts of negative words.
s = 0
for k in range(100):
    s += ((k + 1) << 50) >> (k % 60) ^ -(k << 40)
print(s)

# i64 edge: a product whose i64 result overflows, mid-chain.
big = 0
for k in range(50):
    big += (k + 2 ** 40) * (2 ** 40) * 16 // 3
print(big)

# A followed call's result times a word overflows i64 on every iteration: the exit
# boxes both words, the one the call returned included.
def double_minus(a, b):
    return a * 2 - b
def product(y):
    acc = 0
    for i in range(300):
        acc += double_minus(2147483648, i) * y % 1000
    return acc
print(product(140737488355327))

# Division by zero inside a word chain raises as tier 1 does.
def div(n, d):
    r = 0
    for k in range(n):
        r += (k * 10000000000000) // (d - k // 100)
    return r
print(div(100, 5))
print(div(300, 2))
