# RecursionError: unbounded recursion through map


def size(tree):
    return 1 + sum(map(size, tree))


print(size([[], [[], [[]]]]))
loop = []
loop.append(loop)
print(size(loop))
