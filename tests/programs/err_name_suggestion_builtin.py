lenght = 3
print(lenght)
print(isinstanse(1, int))
