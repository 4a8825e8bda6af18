# PEP 479: a StopIteration that escapes a generator's frame becomes a RuntimeError.


def first_items(iterables):
    for it in iterables:
        it = iter(it)
        yield next(it)


print(list(first_items([[1, 2], "ab", (9,)])))
print(list(first_items([[1], [], [3]])))
