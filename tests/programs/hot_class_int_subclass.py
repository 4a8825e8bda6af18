# A counter type deriving from int, summed and compared inside a hot loop.


class Cents(int):
    def __new__(cls, amount):
        return super().__new__(cls, amount)

    def __str__(self):
        return "$%d.%02d" % divmod(int(self), 100)


prices = [Cents(p) for p in (199, 250, 1000, 5, 75)]
total = 0
expensive = 0
for i in range(30000):
    p = prices[i % 5]
    total += p
    if p > 200:
        expensive += 1
    if p == 5:
        total -= 1
print(total, type(total).__name__, expensive, Cents(total), prices)
best = Cents(0)
for p in prices * 1000:
    if p > best:
        best = p
print(best, type(best).__name__, str(best), f"{best}", repr(best))
