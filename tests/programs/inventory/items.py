from . import pricing


class Item:
    def __init__(self, name, qty, unit_price):
        self.name = name
        self.qty = qty
        self.unit_price = unit_price

    def value(self):
        return pricing.with_tax(self.qty * self.unit_price)

    def __repr__(self):
        return f"Item({self.name!r}, {self.qty}, {self.unit_price})"


def make_stock(rows):
    return [Item(*row) for row in rows]
