# Where re-added items land after deletions: the order a set prints in
# depends on the slots freed by discard and reused by add, and on resizes.

for big in (2 ** 61, 129, 257, 1000):
    s = set(range(40))
    for gone in (4, 8, 12):
        s.discard(gone)
    s.add(big)
    print(s)

evens = {x * 4 % 97 for x in range(20)}
low = set(range(57))
low -= set(range(32, 87))
low.add(2 ** 61)
evens.symmetric_difference_update(low)
print(evens, len(evens))

churn = set()
for i in range(300):
    churn.add(i * 37 % 211)
    if i % 3 == 0:
        churn.discard(i * 11 % 211)
print(len(churn), list(churn)[:25])
while len(churn) > 150:
    churn.pop()
print(list(churn)[:20], churn.pop(), churn.pop())
keep = {x for x in range(100) if x % 7 != 3}
keep -= {x for x in range(0, 100, 5)}
keep |= {-x for x in range(10)}
print(keep)
