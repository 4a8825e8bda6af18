# NamedTuple instances have no __dict__: a new attribute cannot be added to one.
from typing import NamedTuple


class Item(NamedTuple):
    name: str
    price: float
    qty: int = 1

    def total(self):
        return self.price * self.qty


cart = [Item("pen", 1.5, 4), Item("book", 12.0)]
print(sum(i.total() for i in cart))
for i in cart:
    i.discount = 0.1
