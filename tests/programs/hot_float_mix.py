# HOT: arithmetic mixing ints and floats in loops (the _MIX specializations): a
# running balance with integer deposits and float fees, distances on a grid with float
# offsets, and a cooling schedule that subtracts float steps from int temperatures.

balance = 1000.0
for day in range(6000):
    deposit = day % 7
    fee = 0.25 * (day % 3)
    balance = balance + deposit - fee
    balance = balance - 1
print(round(balance, 6))

offset = 0.5
total = 0.0
for i in range(5000):
    dx = i - offset
    dy = (i % 13) - 2.75
    total += dx * dy / (i + 1)
print(round(total, 6))

temperature = 100
steps = []
for i in range(5000):
    cooled = temperature - 0.001 * i
    if i % 1000 == 0:
        steps.append(round(cooled, 3))
    temperature = 100 - i % 50
print(steps)

scale = 3
acc = 0.0
for i in range(5000):
    acc += scale * 0.5 - i % 5
    acc = acc ** 1
    acc = 2 - acc / 2
print(round(acc, 6), 7 - 0.5, 1.5 - 2)
