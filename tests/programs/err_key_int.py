# KeyError with an int key
squares = {}
for i in range(3):
    squares[i] = i * i
print(squares)
total = 0
for k in range(5):
    total += squares[k]
    print("added", k, total)
print("not reached")
