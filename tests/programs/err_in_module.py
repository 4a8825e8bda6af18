# An error raised in a function of another file: the traceback goes through it.
import textstats


def count(n):
    return textstats.check_positive(n) * 2


print(count(3))
print(count(-1))
