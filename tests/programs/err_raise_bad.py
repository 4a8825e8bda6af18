# raise of something that is not an exception is a TypeError


def check(x):
    if x > 2:
        raise x
    return x


print(check(1))
print(check(5))
