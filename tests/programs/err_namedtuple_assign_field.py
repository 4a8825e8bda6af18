# NamedTuple fields cannot be assigned: _replace makes a changed copy.
from typing import NamedTuple


class Account(NamedTuple):
    owner: str
    balance: int


acct = Account("ann", 10)
acct = acct._replace(balance=acct.balance + 5)
print(acct)
acct.balance = 0
