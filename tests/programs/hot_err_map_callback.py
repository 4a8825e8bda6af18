# KeyError raised by a map callback after thousands of items, in a hot loop


prices = {}
for i in range(9000):
    prices[i] = i * 3
total = 0
for p in map(lambda k: prices[k], range(10000)):
    total += p
print(total)
