# Properties written with decorators, as most classes write them: @x.setter with
# validation, a read-only property, a getter overridden in a subclass with
# @Base.x.getter, fget/fset, and setters run in a hot loop.


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        "Degrees Celsius."
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


class Account:
    def __init__(self, owner):
        self.owner = owner
        self._balance = 0

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, amount):
        if amount < 0:
            raise ValueError("balance cannot go negative")
        self._balance = amount


class Doubled(Account):
    @Account.balance.getter
    def balance(self):
        return self._balance * 2


t = Temperature(20)
total = 0.0
for i in range(5000):
    t.celsius = (i % 90) - 40
    total += t.fahrenheit
print(t.celsius, round(total, 2))
try:
    t.fahrenheit = 100
except AttributeError as e:
    print("AttributeError:", e)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)

a = Account("ann")
d = Doubled("bob")
for i in range(3000):
    a.balance = a.balance + 2
    d.balance = i
print(a.balance, d.balance, d._balance)
prop = Account.balance
print(prop.fget(a), prop.fset is not None, prop.fdel)
prop.fset(a, 7)
print(a.balance)
a.balance = -1
