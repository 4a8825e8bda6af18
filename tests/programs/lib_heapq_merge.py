# Merging sorted logs from several servers with heapq.merge, lazily.
import heapq

server_a = [(1, "a", "boot"), (4, "a", "request"), (9, "a", "shutdown")]
server_b = [(2, "b", "boot"), (4, "b", "request"), (5, "b", "error")]
server_c = []
server_d = [(0, "d", "boot"), (10, "d", "idle")]

for when, host, event in heapq.merge(server_a, server_b, server_c, server_d):
    print(when, host, event)

print(list(heapq.merge([1, 3, 5, 7], [2, 4, 6], [0, 8, 9])))
print(list(heapq.merge()), list(heapq.merge([], [])), list(heapq.merge([3, 2, 1])))
print(list(heapq.merge(["apple", "Banana"], ["cherry", "Date"], key=str.lower)))
print(list(heapq.merge([9, 5, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge([(1, "x"), (2, "x")], [(1, "y")], key=lambda t: t[0])))


def numbers(name, values):
    for v in values:
        print("  read", name, v)
        yield v


merged = heapq.merge(numbers("odd", [1, 3, 5]), numbers("even", [2, 4]))
print("made")
print(next(merged))
print(next(merged))
print(list(merged))

total = 0
for x in heapq.merge(range(0, 20000, 2), range(1, 20000, 2)):
    total += x
print(total)
