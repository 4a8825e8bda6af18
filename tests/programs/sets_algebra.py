# Set algebra on ints: primes by sieve, unique elements, and the set methods.

def sieve(n):
    composite = set()
    primes = []
    for i in range(2, n + 1):
        if i not in composite:
            primes.append(i)
            for j in range(i * i, n + 1, i):
                composite.add(j)
    return primes, composite


primes, composite = sieve(60)
print("primes:", primes)
print("composites below 30:", {c for c in composite if c < 30})
print("count:", len(composite), 4 in composite, 5 in composite)

data = [5, 3, 9, 3, 1, 5, 12, 9, 40, 1, 17, 33]
unique = set(data)
print("unique:", unique, len(unique))
print("sorted:", sorted(unique))

evens = {x for x in range(0, 40, 2)}
threes = set(range(0, 40, 3))
print("union:", evens | threes)
print("inter:", evens & threes)
print("diff:", evens - threes)
print("symdiff:", evens ^ threes)
print("methods:", evens.union([1, 3], (5,)), threes.intersection(range(12), evens))
print("difference:", evens.difference(threes, {2, 4}), threes.symmetric_difference(range(10)))
print("subset:", {6, 12} <= evens, {6, 12} < evens & threes, evens >= {0}, evens > evens)
print("issubset:", {6}.issubset(threes), evens.issuperset([2, 4, 5]), evens.isdisjoint({1, 3, 5}))
print("equal:", evens == set(range(0, 40, 2)), frozenset(evens) == evens, evens != threes)

s = {10, 20, 30}
s.add(40)
s.add(10)
s.discard(20)
s.discard(99)
s.remove(30)
print("mutated:", s, len(s))
s.update([1, 2], {3})
print("updated:", s)
s.intersection_update(range(0, 50, 2))
print("intersection_update:", s)
s.difference_update([2])
print("difference_update:", s)
s.symmetric_difference_update({40, 41})
print("symmetric_difference_update:", s)
t = s.copy()
t.clear()
print("copy/clear:", s, t, bool(t), bool(s))

acc = set()
acc |= {1, 2, 3}
acc &= {2, 3, 4}
acc -= {3}
acc ^= {7, 2}
print("in-place:", acc)

popped = []
bag = set(range(20, 0, -3))
while bag:
    popped.append(bag.pop())
print("popped:", popped)

print("reprs:", set(), frozenset(), frozenset([3, 1, 2]), {(1, 2), (0, 5)}, {True, False})
print("literals:", {-1, -2, -3, 7}, {100, 4, 36, 68}, {*range(4), 9}, {0, *[8, 16]})
print("types:", type(evens).__name__, type(frozenset()).__name__, isinstance(evens, set),
      isinstance(frozenset(), frozenset), isinstance(evens, frozenset))
print("mixed:", frozenset({1, 2}) | {3}, {3} | frozenset({1}), frozenset([1, 2]).union([5]))
print("big:", {2 ** 40, 2 ** 40 + 8, 7, -5})
