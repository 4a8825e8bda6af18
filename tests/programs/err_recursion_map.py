# RecursionError: unbounded recursion through map


def size(tree):
    return 1 + sum(map(size, tree))


# Ten calls first: CPython counts the builtin calls of code it has not yet
# specialized towards the recursion limit, and the traceback's length would show it.
print(size([[], [[], [[]]], [[[[[]]]]]]))
loop = []
loop.append(loop)
print(size(loop))
