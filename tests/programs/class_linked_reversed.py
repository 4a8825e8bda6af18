# A linked list with the container protocol (__reversed__ included) and a binary
# search tree iterating in order through yield from.
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self._len = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self._len += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self._len
    def __contains__(self, v):
        return any(x == v for x in self)
    def __reversed__(self):
        return iter(list(self)[::-1])
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def __bool__(self):
        return self.head is not None
    def __getitem__(self, i):
        if i < 0: i += len(self)
        for k, v in enumerate(self):
            if k == i: return v
        raise IndexError("LinkedList index out of range")

class Tree:
    def __init__(self, key, left=None, right=None):
        self.key, self.left, self.right = key, left, right
    def insert(self, k):
        side = "left" if k < self.key else "right"
        child = getattr(self, side)
        if child is None:
            setattr(self, side, Tree(k))
        else:
            child.insert(k)
    def __iter__(self):
        if self.left: yield from self.left
        yield self.key
        if self.right: yield from self.right
    def height(self):
        return 1 + max((c.height() for c in (self.left, self.right) if c), default=0)

ll = LinkedList([3, 1, 4, 1, 5])
print(ll, len(ll), 4 in ll, 9 in ll, list(reversed(ll)), ll[-1], bool(LinkedList()), sorted(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
t = Tree(50)
for k in [30, 70, 20, 40, 60, 80, 10]:
    t.insert(k)
print(list(t), t.height(), sum(t), max(t))
