# TypeError: 'int' object is not subscriptable
data = [[1, 2], [3, 4], 5]
for item in data:
    print(item[0])
print("not reached")
