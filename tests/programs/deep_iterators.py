# Iterators wrapping iterators 100,000 deep: each step goes through every level
# (CPython recurses in C); freeing them does not recurse.
it = [10, 20, 30]
for i in range(100000):
    it = enumerate(it)
for first in it:
    print(first[0])
    break
z = [1, 2, 3, 4]
for i in range(100000):
    z = zip(z, "abcd")
print(len(list(z)))
r = [1, 2, 3]
for i in range(1000):
    r = reversed(list(r))
print(list(r))
print("done")
