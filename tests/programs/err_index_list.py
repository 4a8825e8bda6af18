# IndexError: list index out of range
lst = [10, 20, 30]
print(lst[0], lst[2], lst[-1], lst[-3])
i = 0
while True:
    print("element", i, lst[i])
    i += 1
