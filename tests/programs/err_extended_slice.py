# An extended slice takes exactly as many items as it selects.
row = list(range(8))
row[::2] = "abcd"
print(row)
row[1::2] = [1, 2, 3]
