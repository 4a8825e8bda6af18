"""Payment processors behind an abstract interface, in the style of an OOP tutorial."""
from abc import ABC, abstractmethod


class PaymentMethod(ABC):
    fee_rate = 0.0

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.history: list[float] = []

    @abstractmethod
    def authorize(self, amount: float) -> bool:
        """Whether the payment may go ahead."""

    @abstractmethod
    def kind(self) -> str: ...

    @property
    @abstractmethod
    def limit(self) -> float: ...

    def pay(self, amount: float) -> str:
        if amount > self.limit:
            return f"{self.kind()} of {self.owner}: {amount:.2f} over the limit {self.limit:.2f}"
        if not self.authorize(amount):
            return f"{self.kind()} of {self.owner}: {amount:.2f} declined"
        total = amount * (1 + self.fee_rate)
        self.history.append(total)
        return f"{self.kind()} of {self.owner}: paid {total:.2f}"


class Card(PaymentMethod):
    fee_rate = 0.015

    def __init__(self, owner: str, balance: float) -> None:
        super().__init__(owner)
        self.balance = balance

    def authorize(self, amount: float) -> bool:
        if amount <= self.balance:
            self.balance -= amount
            return True
        return False

    def kind(self) -> str:
        return "card"

    @property
    def limit(self) -> float:
        return 500.0


class Voucher(PaymentMethod):
    def __init__(self, owner: str, codes: set[str]) -> None:
        super().__init__(owner)
        self.codes = codes

    def authorize(self, amount: float) -> bool:
        return amount < 50 and bool(self.codes) and self.codes.pop() is not None

    def kind(self) -> str:
        return "voucher"

    limit = 100.0


class HalfDone(PaymentMethod):
    def kind(self) -> str:
        return "half"


class Auditor(ABC):
    """An ABC with no abstract methods can be instantiated."""

    def audit(self, methods: list[PaymentMethod]) -> float:
        return round(sum(sum(m.history) for m in methods), 2)


methods: list[PaymentMethod] = [Card("ann", 300.0), Voucher("bob", {"A1", "B2"}), Card("cid", 20.0)]
for amount in (10.0, 45.5, 120.0, 700.0, 30.0):
    for m in methods:
        print(m.pay(amount))
print("audited:", Auditor().audit(methods))
print(sorted(PaymentMethod.__abstractmethods__), sorted(HalfDone.__abstractmethods__))
print(Card.__abstractmethods__ == frozenset(), isinstance(methods[0], ABC), issubclass(Voucher, PaymentMethod))
print([c.__name__ for c in Card.__mro__])
print(PaymentMethod.authorize.__isabstractmethod__, getattr(Card.authorize, "__isabstractmethod__", False))
for cls in (PaymentMethod, HalfDone):
    try:
        cls("zed")
    except TypeError as e:
        print("TypeError:", e)
try:
    Auditor(1)
except TypeError as e:
    print("TypeError:", e)
