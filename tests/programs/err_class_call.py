# A TypeError from calling a class with the wrong arguments: raised while binding
# __init__'s parameters.


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance


def open_all(rows):
    out = []
    for row in rows:
        out.append(Account(*row))
    return out


accounts = open_all([("ann",), ("bob", 5)])
print([a.owner for a in accounts])
open_all([("cid", 1, 2)])
