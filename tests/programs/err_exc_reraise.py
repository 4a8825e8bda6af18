# A bare raise in a helper called from a handler raises the handled exception again:
# its traceback keeps where it was raised, not the helper.


def log_and_reraise():
    print("logging")
    raise


def work(items):
    return items[10]


try:
    work([1, 2, 3])
except IndexError:
    log_and_reraise()
