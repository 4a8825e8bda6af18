# HOT: an exception (ZeroDivisionError) raised from inside a long-running loop
acc = 0
for i in range(20000):
    acc += 100000 // (20000 - i + 1)
print("first loop", acc)
total = 0
for i in range(10000):
    if i % 2500 == 0:
        print("progress", i, total)
    total += 1000000 // (7500 - i)
print("not reached")
