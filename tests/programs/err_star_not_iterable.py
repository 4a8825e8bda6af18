# TypeError: the argument after * must be an iterable


def total(*values):
    return sum(values)


batches = [[1, 2, 3], (4, 5), range(3), 7]
for b in batches:
    print(total(*b))
