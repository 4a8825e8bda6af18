class Price(float):
    def __str__(self):
        return f"${self:.2f}"


prices = [Price(p) for p in ("1.25", "3", 4)]
print(*prices, sum(prices), max(prices))
print(Price("12.5x"))
