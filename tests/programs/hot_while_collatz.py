# HOT: while loops with data-dependent exits (Collatz)
best = 0
best_n = 0
total_steps = 0
for n in range(1, 2500):
    x = n
    steps = 0
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        steps += 1
    total_steps += steps
    if steps > best:
        best = steps
        best_n = n
print(best_n, best, total_steps)
x = 27
peak = 0
while True:
    if x > peak:
        peak = x
    if x == 1:
        break
    x = x // 2 if x % 2 == 0 else 3 * x + 1
print(peak)
