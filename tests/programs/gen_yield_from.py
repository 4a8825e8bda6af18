# Tree walks with `yield from`, delegation of return values and send().


class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []


def preorder(node):
    yield node.value
    for child in node.children:
        yield from preorder(child)


def postorder(node):
    for child in node.children:
        yield from postorder(child)
    yield node.value


def leaves(node, depth=0):
    if not node.children:
        yield (node.value, depth)
    for child in node.children:
        yield from leaves(child, depth + 1)


tree = Node("root", [
    Node("a", [Node("a1"), Node("a2", [Node("a2x")])]),
    Node("b"),
    Node("c", [Node("c1"), Node("c2"), Node("c3")]),
])
print(list(preorder(tree)))
print(list(postorder(tree)))
print(list(leaves(tree)))
print(max(leaves(tree), key=lambda p: p[1]))


def inorder(t):
    if t is not None:
        left, value, right = t
        yield from inorder(left)
        yield value
        yield from inorder(right)


def insert(t, v):
    if t is None:
        return (None, v, None)
    left, value, right = t
    if v < value:
        return (insert(left, v), value, right)
    return (left, value, insert(right, v))


root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, v)
print(list(inorder(root)))


def counter(label):
    n = 0
    while True:
        item = yield
        if item is None:
            return (label, n)
        n += item


def accumulate_all():
    results = []
    while True:
        r = yield from counter("batch%d" % len(results))
        results.append(r)
        if len(results) == 3:
            return results


acc = accumulate_all()
next(acc)
for batch in [[1, 2, 3], [10, 20], [5]]:
    for x in batch:
        acc.send(x)
    try:
        acc.send(None)
    except StopIteration as stop:
        print("finished:", stop.args[0])


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7], 8]])))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], (x * 10 for x in range(3)), range(2))))
