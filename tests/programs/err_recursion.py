# RecursionError: unbounded recursion
def down(n):
    return down(n + 1) + 1


def ok(n):
    if n == 0:
        return 0
    return 1 + ok(n - 1)


print(ok(100))
print(down(0))
print("not reached")
