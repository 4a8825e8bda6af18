# Data structures as classes: a linked list, a binary search tree, a binary heap
# priority queue and a stack-based evaluator, with nested classes and node classes.


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def to_list(self):
        out = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def find(self, value):
        cur = self.head
        index = 0
        while cur is not None:
            if cur.value == value:
                return index
            cur = cur.next
            index += 1
        return -1


class BST:
    class _Node:
        def __init__(self, key):
            self.key = key
            self.left = None
            self.right = None

    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key):
        if self.root is None:
            self.root = BST._Node(key)
            self.count += 1
            return
        cur = self.root
        while True:
            if key == cur.key:
                return
            if key < cur.key:
                if cur.left is None:
                    cur.left = BST._Node(key)
                    break
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = BST._Node(key)
                    break
                cur = cur.right
        self.count += 1

    def contains(self, key):
        cur = self.root
        while cur is not None:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False

    def inorder(self):
        out = []
        self._walk(self.root, out)
        return out

    def _walk(self, node, out):
        if node is None:
            return
        self._walk(node.left, out)
        out.append(node.key)
        self._walk(node.right, out)

    def height(self, node=None, top=True):
        if top:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left, False), self.height(node.right, False))


class PriorityQueue:
    "A binary min-heap of (priority, item) pairs."

    def __init__(self):
        self.heap = []

    def push(self, priority, item):
        self.heap.append((priority, item))
        self._up(len(self.heap) - 1)

    def pop(self):
        heap = self.heap
        last = heap.pop()
        if not heap:
            return last
        top = heap[0]
        heap[0] = last
        self._down(0)
        return top

    def is_empty(self):
        return len(self.heap) == 0

    def _up(self, i):
        heap = self.heap
        while i > 0:
            parent = (i - 1) // 2
            if heap[i] < heap[parent]:
                heap[i], heap[parent] = heap[parent], heap[i]
                i = parent
            else:
                break

    def _down(self, i):
        heap = self.heap
        n = len(heap)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and heap[child] < heap[smallest]:
                    smallest = child
            if smallest == i:
                return
            heap[i], heap[smallest] = heap[smallest], heap[i]
            i = smallest


ll = LinkedList()
for v in [3, 1, 4, 1, 5]:
    ll.append(v)
ll.push_front(9)
print(ll.to_list(), ll.size, ll.find(4), ll.find(7))
ll.reverse()
print(ll.to_list())

tree = BST()
seed = 17
for _ in range(200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    tree.insert(seed % 500)
print(tree.count, tree.inorder()[:10], tree.height())
print(tree.contains(tree.inorder()[5]), tree.contains(1000))
print(type(tree.root).__name__, type(tree.root).__qualname__)

pq = PriorityQueue()
tasks = [(5, "write"), (1, "plan"), (3, "code"), (2, "design"), (4, "test"), (1, "coffee")]
for p, t in tasks:
    pq.push(p, t)
order = []
while not pq.is_empty():
    order.append(pq.pop())
print(order)

# Dijkstra over a small graph with the queue.
graph = {
    "a": [("b", 7), ("c", 9), ("f", 14)],
    "b": [("a", 7), ("c", 10), ("d", 15)],
    "c": [("a", 9), ("b", 10), ("d", 11), ("f", 2)],
    "d": [("b", 15), ("c", 11), ("e", 6)],
    "e": [("d", 6), ("f", 9)],
    "f": [("a", 14), ("c", 2), ("e", 9)],
}
dist = {"a": 0}
q = PriorityQueue()
q.push(0, "a")
while not q.is_empty():
    d, u = q.pop()
    if d > dist[u]:
        continue
    for v, w in graph[u]:
        nd = d + w
        if v not in dist or nd < dist[v]:
            dist[v] = nd
            q.push(nd, v)
print(sorted(dist.items()))
