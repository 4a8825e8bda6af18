# A money type that refuses to mix currencies: the reflected method gives up too.


class Money:
    def __init__(self, cents, currency):
        self.cents = cents
        self.currency = currency

    def __add__(self, other):
        if isinstance(other, Money) and other.currency == self.currency:
            return Money(self.cents + other.cents, self.currency)
        return NotImplemented

    __radd__ = __add__

    def __repr__(self):
        return f"{self.cents / 100:.2f} {self.currency}"


wallet = [Money(250, "EUR"), Money(199, "EUR"), Money(1000, "USD")]
total = wallet[0]
for m in wallet[1:2]:
    total = total + m
print(total)
total += wallet[2]
print(total)
