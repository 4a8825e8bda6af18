# Assigning through a property without a setter: CPython names the property only when
# a class statement gave it its name, and the class by its qualified name.


class Account:
    def __init__(self, balance):
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    total = balance


def owner_of(account):
    return "owner-" + str(account._balance)


def make_local_class():
    class Ledger:
        @property
        def entries(self):
            return 3
    return Ledger


def attempt(label, action):
    try:
        action()
        print(label, "ok")
    except AttributeError as err:
        print(label, err)


acct = Account(10)
Account.owner = property(owner_of)
print(acct.owner, acct.total)


def set_balance():
    acct.balance = 5


def set_total():
    acct.total = 5


def set_owner():
    acct.owner = "me"


def del_owner():
    del acct.owner


def set_entries():
    make_local_class()().entries = 1


attempt("balance", set_balance)
attempt("total", set_total)
attempt("owner", set_owner)
attempt("del owner", del_owner)
attempt("entries", set_entries)

# A copy made by .setter keeps the name the class gave the original.
Account.limit = Account.balance.setter(lambda self, v: None)
acct.limit = 3
print(acct.limit)
Account.shown = Account.owner.getter(lambda self: "shown")
print(acct.shown)
try:
    acct.shown = 1
except AttributeError as err:
    print(err)
