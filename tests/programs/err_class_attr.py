# An uncaught AttributeError on an instance, with CPython's suggestion.


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


def length(node):
    n = 0
    while node is not None:
        n += 1
        node = node.nxt
    return n


head = Node(1)
head.next = Node(2)
print(head.value, head.next.value)
print(length(head))
