# Attributes deleted and added again inside hot loops: the specialized loads and
# stores must notice the missing entry, and a class attribute deleted mid-loop must
# be seen by the loads specialized on it.


class Node:
    kind = "plain"

    def __init__(self, value):
        self.value = value
        self.cache = value * 2

    def invalidate(self):
        del self.cache

    def cached(self):
        if hasattr(self, "cache"):
            return self.cache
        self.cache = self.value * 3
        return -self.cache


nodes = [Node(i) for i in range(50)]
total = 0
for step in range(400):
    n = nodes[step % 50]
    total += n.cached()
    if step % 7 == 0:
        n.invalidate()
print(total)

# The instance's own value hides the class's; deleting it uncovers it again.
hits = []
for i in range(300):
    n = nodes[i % 50]
    n.kind = "own"
    if i % 3 == 0:
        del n.kind
    hits.append(n.kind)
print(hits.count("own"), hits.count("plain"))


# A class attribute deleted while a loop reads it through instances.
class Settings:
    scale = 2
    offset = 10


s = Settings()
acc = 0
for i in range(600):
    acc += s.scale * i
    if i == 300:
        Settings.scale = 5
    if i == 450:
        del Settings.scale
        Settings.scale = 1
print(acc)
seen = []
for i in range(200):
    try:
        seen.append(s.offset)
    except AttributeError as e:
        seen.append(str(e))
    if i == 150:
        del Settings.offset
print(seen[0], seen[150], seen[151], len(seen))


# Attribute counters built and torn down in a loop, with delattr by name.
class Bag:
    pass


bag = Bag()
names = ["a", "b", "c", "d"]
for i in range(1000):
    name = names[i % 4]
    if hasattr(bag, name):
        setattr(bag, name, getattr(bag, name) + 1)
        if getattr(bag, name) % 7 == 0:
            delattr(bag, name)
    else:
        setattr(bag, name, 1)
print(sorted(vars(bag).items()))
