# ZeroDivisionError: integer floor division
def safe_count(n):
    total = 0
    for i in range(n, -1, -1):
        total += 100 // (i + 1)
    return total


print(safe_count(10))
x = 7
y = x - 7
print(x, y)
print(x // y)
print("not reached")
