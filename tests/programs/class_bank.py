# An OOP bank: accounts with a class-level counter, subclasses that change behaviour
# through super(), a user exception hierarchy, properties and class/static methods.


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}")
        self.account = account
        self.amount = amount


class FrozenAccount(BankError):
    pass


class Account:
    next_id = 1
    interest = 0.0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account.next_id
        Account.next_id += 1
        self.history = []
        self.frozen = False

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if self.frozen:
            raise FrozenAccount(self.owner)
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self._balance

    def withdraw(self, amount):
        if self.frozen:
            raise FrozenAccount(self.owner)
        if amount > self.limit():
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self._balance

    def limit(self):
        return self._balance

    def add_interest(self):
        gained = round(self._balance * self.interest, 2)
        self._balance += gained
        return gained

    def describe(self):
        return f"#{self.id} {self.owner}: {self._balance:.2f}"

    @classmethod
    def opening(cls, owner):
        return cls(owner, 100)

    @staticmethod
    def fee(amount):
        return max(1, amount // 100)

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"


class Savings(Account):
    interest = 0.03

    def withdraw(self, amount):
        fee = Account.fee(amount)
        return super().withdraw(amount + fee)


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=50):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def limit(self):
        return self._balance + self.overdraft

    def describe(self):
        return super().describe() + f" (overdraft {self.overdraft})"


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}

    def open(self, kind, owner, balance=0):
        acct = kind(owner, balance)
        self.accounts[acct.id] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer refused:", e, "| short by", e.amount - e.account.limit())
            return False
        dst.deposit(amount)
        return True

    def total(self):
        return sum([a.balance for a in self.accounts.values()])

    def month_end(self):
        for acct in self.accounts.values():
            gained = acct.add_interest()
            if gained:
                print("  interest", acct.owner, gained)


bank = Bank("First")
alice = bank.open(Savings, "alice", 1000)
bob = bank.open(Checking, "bob", 20)
carol = bank.open(Account, "carol")
dave = Account.opening("dave")
print(alice, bob, carol, dave)
print(type(alice).__name__, isinstance(alice, Account), isinstance(bob, Savings), issubclass(Checking, Account))
print(bank.transfer(alice, bob, 300))
print(bank.transfer(bob, carol, 400))
print(bank.transfer(bob, carol, 360))
for a in [alice, bob, carol]:
    print(a.describe(), a.history)
bank.month_end()
print(round(bank.total(), 2))
carol.frozen = True
for action in [lambda: carol.deposit(5), lambda: bob.deposit(-1), lambda: bob.withdraw(10 ** 6)]:
    try:
        action()
    except BankError as e:
        print("bank error:", type(e).__name__, e)
    except ValueError as e:
        print("value error:", e)
print(Account.next_id, Savings.interest, Account.interest, Savings.fee(250))
try:
    alice.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(bob, "overdraft"), hasattr(alice, "overdraft"), getattr(alice, "overdraft", None))
