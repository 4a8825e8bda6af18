# AssertionError with message
total = 0
for i in range(10):
    total += i
    assert total < 30, "total exceeded 30"
    print(i, total)
print("not reached")
