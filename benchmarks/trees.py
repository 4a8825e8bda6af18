# Tree building: a binary search tree of nodes (insert, lookup, in-order walk with
# an explicit stack, height), and perfect trees built and checked recursively, as
# the classic allocation benchmarks do. Nodes are small objects with three or four
# attributes; the work is allocation, attribute loads and stores, and method calls.


class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None


class SearchTree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value):
        node = self.root
        if node is None:
            self.root = Node(key, value)
            self.size += 1
            return
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Node(key, value)
                    self.size += 1
                    return
                node = node.left
            elif key > node.key:
                if node.right is None:
                    node.right = Node(key, value)
                    self.size += 1
                    return
                node = node.right
            else:
                node.value += value
                return

    def find(self, key):
        node = self.root
        while node is not None:
            if key < node.key:
                node = node.left
            elif key > node.key:
                node = node.right
            else:
                return node.value
        return -1

    def walk_sum(self):
        total = 0
        stack = []
        node = self.root
        while stack or node is not None:
            if node is not None:
                stack.append(node)
                node = node.left
            else:
                node = stack.pop()
                total = (total * 31 + node.key * node.value) % 1000000007
                node = node.right
        return total

    def height(self):
        return height_of(self.root)


def height_of(node):
    if node is None:
        return 0
    return 1 + max(height_of(node.left), height_of(node.right))


class Pair:
    def __init__(self, left, right, item):
        self.left = left
        self.right = right
        self.item = item

    def check(self):
        if self.left is None:
            return self.item
        return self.item + self.left.check() - self.right.check()


def perfect(item, depth):
    if depth == 0:
        return Pair(None, None, item)
    return Pair(perfect(2 * item - 1, depth - 1), perfect(2 * item, depth - 1), item)


def search_round(n, seed):
    t = SearchTree()
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        t.insert(x % (n * 4), i % 7 + 1)
    hits = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        if t.find(x % (n * 4)) >= 0:
            hits += 1
    return t.size, hits, t.walk_sum(), t.height()


for seed in (1, 2, 3):
    print("search", seed, search_round(24000, seed))

total = 0
for depth in range(4, 14, 2):
    iterations = 2 ** (15 - depth)
    check = 0
    for i in range(1, iterations + 1):
        check += perfect(i, depth).check()
    total += check
    print("perfect", depth, iterations, check)
print("total", total)
