# Benchmark: branchy loop whose dominant branch direction changes several times
# (phase changes every 300k iterations; in phase 2 the inner branch flips halfway)
def classify(v, phase):
    if phase == 0:
        if v % 8 != 0:
            return 1
        return 2
    elif phase == 1:
        if v % 8 == 0:
            return 1
        return 3
    elif phase == 2:
        if v < 0:
            return 4
        return 5
    else:
        if v & 1:
            return 6
        return 7


counts = [0] * 8
acc = 0
n = 1800000
phase_len = 300000
for i in range(n):
    phase = (i // phase_len) % 4
    v = (i - 750000) * 7 if phase == 2 else i
    c = classify(v, phase)
    counts[c] += 1
    if c == 1 or c == 5:
        acc += v % 13
    elif c == 2 or c == 6:
        acc -= 3
    else:
        acc ^= c
print(counts)
print("acc:", acc)
up = 0
down = 0
x = 0
for i in range(400000):
    if (i // 25000) % 2 == 0:
        x += 3
    else:
        x -= 2
    if x > 20000:
        up += 1
    else:
        down += 1
print(x, up, down)
