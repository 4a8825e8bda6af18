class Weight(float):
    def scaled(self, k):
        return Weight(self * k)


total = 0.0
w = Weight(0.5)
for i in range(3000):
    w = w.scaled(1.0001)
    total += w + i % 3
print(round(total, 6), type(w).__name__, repr(w)[:8], w > 0.5)
