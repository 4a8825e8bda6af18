a = [1, 2]
a.insert(2**100, 3)
