# The errors @dataclass and its methods raise, caught and shown.
from dataclasses import dataclass, field, FrozenInstanceError


def attempt(make):
    try:
        make()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)


def mutable_default():
    @dataclass
    class Shelf:
        items: list = []


def order_without_eq():
    @dataclass(order=True, eq=False)
    class C:
        x: int


def default_then_required():
    @dataclass
    class Item:
        name: str
        weight: int = 1
        label: str


def both_defaults():
    field(default=1, default_factory=list)


def overwrite_order():
    @dataclass(order=True)
    class D:
        x: int

        def __lt__(self, other):
            return True


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"


def assign_frozen():
    Money(5).amount = 0


for f in [mutable_default, order_without_eq, default_then_required, both_defaults, overwrite_order, assign_frozen]:
    attempt(f)
try:
    Money(1).currency = "USD"
except FrozenInstanceError as e:
    print("caught", e)
