# A tuple subclass whose __add__ returns NotImplemented for numbers: the operation
# falls back to the other operand and fails as CPython does.


class Money(tuple):
    def __add__(self, other):
        if isinstance(other, Money):
            return Money((self[0] + other[0], self[1]))
        return NotImplemented

    def __str__(self):
        return "%d %s" % self


total = Money((0, "EUR"))
for amount in [5, 10, 20] * 10:
    total = total + Money((amount, "EUR"))
print(total)
total = total + 5
print(total)
