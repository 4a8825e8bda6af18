# Calling a dataclass's generated __init__ without a required field.
from dataclasses import dataclass


@dataclass
class Order:
    item: str
    qty: int
    price: float = 1.0


print(Order("tea", 2))
print(Order(item="cake", qty=1, price=3.5))
for bad in [lambda: Order("tea", 1, 2.0, 9), lambda: Order("tea", 1, colour="red"), lambda: Order("tea", item="x")]:
    try:
        bad()
    except TypeError as e:
        print(e)
Order("milk")
