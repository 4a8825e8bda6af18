# List methods: append pop insert extend index reverse sort copy
a = [3, 1, 4, 1, 5]
a.append(9)
print(a)
x = a.pop()
print(x, a)
x = a.pop(0)
print(x, a)
x = a.pop(-2)
print(x, a)
a.insert(0, 10)
a.insert(2, 20)
a.insert(100, 30)
a.insert(-1, 40)
a.insert(-100, 50)
print(a)
a.extend([7, 8])
a.extend((9,))
a.extend("ab")
a.extend([])
print(a)
print(a.index(20), a.index(7), a.index("a"), a.index(1))
a.reverse()
print(a)
b = [5, 2, 8, 1, 9, 3]
b.sort()
print(b)
b.sort(reverse=True)
print(b)
c = b.copy()
c.append(0)
print(b, c, b == c[:6])
words = ["pear", "apple", "fig", "banana", "Apple"]
words.sort()
print(words)
words.sort(reverse=True)
print(words)
empty = []
print(empty, len(empty))
nested = [[3, "c"], [1, "a"], [2, "b"], [1, "Z"]]
nested.sort()
print(nested)
alias = b
alias.append(100)
print(b)
fl = [2.5, -1, 3, 0.5, -0.25, 2]
fl.sort()
print(fl)
print(b.pop(1), b.index(100))
t = [(2, "b"), (1, "z"), (1, "a")]
t.sort(reverse=True)
print(t)
print(a + b, [0] * 5, [1, 2] * 2, len(a + b), [] * 3)
stack = []
for i in range(5):
    stack.append(i * i)
while len(stack) > 0:
    print(stack.pop(), end=" ")
print()
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
grid = []
for r in range(3):
    row = []
    for col in range(3):
        row.append(r * 3 + col)
    grid.append(row)
print(grid)
shallow = grid.copy()
shallow[0].append(99)
shallow.append([])
print(grid, shallow)
big = list(range(1000))
big.reverse()
print(big[:5], big.index(0), big.pop(500))
big.sort()
print(big[:3], big[-3:], len(big))
st = [1, 1, 1]
st.insert(1, 2)
print(st, st.index(2))
lst = [1]
lst.extend(lst)
print(lst)
