# Ranges past the machine word iterate, index, compare and hash as in CPython.
for x in range(10**20, 10**20 + 3):
    print(x)
r = range(10**20, 10**20 + 3)
print(r, r[0], r[-1], len(r), 10**20 + 1 in r, 10**20 + 3 in r, list(reversed(r)))
big = range(10**20)
print(big[10**19], big[-1], 5 in big, 10**20 in big, big == range(0, 10**20, 1))
print(list(range(10**20, 10**20 - 6, -2)), sum(range(2**63 - 2, 2**63 + 2)))
print(list(range(-2**63 - 1, -2**63 + 1)), range(2**100)[5], range(0, 10**20, 10**19)[-1])
print(hash(range(10**20)) == hash(range(0, 10**20)), [x * 2 for x in range(2**47 - 2, 2**47 + 2)])
total = 0
for i in range(2**62, 2**62 + 20000):
    total += i % 7
print(total, r[1:], r[::-1])
