a = [1, 2]
a.insert(-2**100 + 2**100, 3)
print(a)
a.pop(2**100)
