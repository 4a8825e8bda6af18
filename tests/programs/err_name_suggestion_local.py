def total(values, start):
    acc = start
    for v in values:
        acc += v
    return acc + valeus[0]
print(total([1, 2], 0))
