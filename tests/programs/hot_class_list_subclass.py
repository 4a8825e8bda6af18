# A list subclass and a dict subclass in hot loops: a priority queue built on a list,
# a histogram dict with __missing__.


class MinQueue(list):
    def push(self, item):
        self.append(item)
        i = len(self) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self[parent] <= self[i]:
                break
            self[parent], self[i] = self[i], self[parent]
            i = parent

    def pop_min(self):
        last = self.pop()
        if not self:
            return last
        top = self[0]
        self[0] = last
        i = 0
        n = len(self)
        while True:
            left = 2 * i + 1
            if left >= n:
                break
            child = left
            if left + 1 < n and self[left + 1] < self[left]:
                child = left + 1
            if self[i] <= self[child]:
                break
            self[i], self[child] = self[child], self[i]
            i = child
        return top


class Histogram(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] += 1


q = MinQueue()
x = 12345
for i in range(6000):
    x = (x * 1103515245 + 12345) % 2147483648
    q.push(x % 100000)
out = []
while q:
    out.append(q.pop_min())
print(len(out), out[:5], out[-3:], out == sorted(out))

h = Histogram()
for i in range(30000):
    h.add(i * i % 13)
print(sorted(h.items()), h[99], len(h))
