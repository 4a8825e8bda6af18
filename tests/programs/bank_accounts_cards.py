from dataclasses import dataclass, field
from enum import Enum, auto
from operator import attrgetter, itemgetter
from typing import List
import random


class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available


class AccountType(Enum):
    CHECKING = auto()
    SAVINGS = auto()


class Account:
    _next_id = 1000
    interest = {AccountType.CHECKING: 0.0, AccountType.SAVINGS: 0.02}

    def __init__(self, owner: str, kind: AccountType, balance: float = 0.0):
        self.owner = owner
        self.kind = kind
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history: List[tuple] = []

    @property
    def balance(self):
        return round(self._balance, 2)

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self.balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def deposit(self, amount):
        self._balance += amount
        self.history.append(("deposit", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, {self.kind.name}, {self.balance})"

    def __str__(self):
        return f"#{self.id} {self.owner:<6} {self.balance:>10.2f}"


@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str = field(compare=True)

    def __str__(self):
        names = {11: "J", 12: "Q", 13: "K", 14: "A"}
        return f"{names.get(self.rank, self.rank)}{self.suit}"


def main():
    rng = random.Random(7)
    accounts = [Account(n, rng.choice(list(AccountType)), rng.randint(0, 500)) for n in ["ann", "bob", "cy", "dee", "eve"]]
    for a in accounts:
        try:
            a.withdraw(rng.randint(50, 400))
        except InsufficientFunds as e:
            print(f"{a.owner}: {e} ({e.needed - e.available} short)")
        a.deposit(10)
    for a in sorted(accounts, key=attrgetter("balance"), reverse=True):
        print(a)
    print(repr(accounts[0]), accounts[0].history)
    try:
        accounts[1].balance = -5
    except ValueError as e:
        print("rejected:", e)
    deck = [Card(r, s) for r in range(2, 15) for s in "♠♥♦♣"]
    rng.shuffle(deck)
    hand = sorted(deck[:5])
    print(" ".join(map(str, hand)), len(set(deck)), max(hand), Card(14, "♠") in set(hand))
    try:
        hand[0].rank = 3
    except Exception as e:
        print(type(e).__name__, e)
    table = [("x", 3), ("y", 1), ("z", 2)]
    print(sorted(table, key=itemgetter(1)), min(table, key=itemgetter(1))[0])
    by_kind = {}
    for a in accounts:
        by_kind.setdefault(a.kind, []).append(a.owner)
    print({k.name: v for k, v in by_kind.items()})


main()
