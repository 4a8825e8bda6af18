# Builtin-type subclasses whose operators decline (NotImplemented) and whose methods
# reach the base type's plain methods through super().


class Cents(int):
    """An amount in cents: adds to Cents and ints, declines anything else."""

    def __add__(self, other):
        if isinstance(other, Cents):
            return Cents(int(self) + int(other))
        return NotImplemented

    def __repr__(self):
        return f"Cents({int(self)})"


class Tip:
    def __radd__(self, other):
        return f"tip on {other!r}"


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r), type(r).__name__)
    except TypeError as e:
        print(label, "-> TypeError:", e)


attempt("Cents + Cents", lambda: Cents(150) + Cents(25))
attempt("Cents + int", lambda: Cents(150) + 5)        # int.__add__ takes it
attempt("Cents + float", lambda: Cents(150) + 0.5)    # float.__add__ takes it
attempt("Cents + bool", lambda: Cents(150) + True)
attempt("Cents + Tip", lambda: Cents(150) + Tip())
attempt("Cents + str", lambda: Cents(150) + "x")
attempt("Cents + list", lambda: Cents(2) + [1])
attempt("int + Cents", lambda: 7 + Cents(1))


class Stubborn(int):
    def __mul__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return NotImplemented


attempt("Stubborn * Stubborn", lambda: Stubborn(3) * Stubborn(4))
attempt("Stubborn * int", lambda: Stubborn(3) * 4)
attempt("Stubborn * list", lambda: Stubborn(2) * [0])
attempt("Stubborn * str", lambda: Stubborn(2) * "ab")
attempt("int + Stubborn", lambda: 1 + Stubborn(2))
attempt("float + Stubborn", lambda: 1.5 + Stubborn(2))
attempt("Stubborn + Stubborn", lambda: Stubborn(2) + Stubborn(2))
attempt("str + Stubborn", lambda: "s" + Stubborn(2))

total = Cents(0)
for i in range(300):
    total = total + Cents(i % 7)
    total = total + 1
print("total", total, type(total).__name__)


class Inventory(dict):
    def __or__(self, other):
        if isinstance(other, Inventory):
            merged = Inventory(self)
            for k, v in other.items():
                merged[k] = merged.get(k, 0) + v
            return merged
        return NotImplemented

    def names(self):
        return sorted(super().keys())

    def stock(self):
        return sorted(super().items())

    def count(self, name):
        return super().get(name, 0)

    def total(self):
        return sum(super().values())

    def keys(self):
        return ["overridden"]


inv = Inventory(apple=3, pear=2)
print(inv.names(), inv.stock(), inv.count("apple"), inv.count("plum"), inv.total())
print(inv.keys(), super(Inventory, inv).keys())
both = inv | Inventory(apple=1, fig=9)
print(type(both).__name__, sorted(both.items()))
plain = inv | {"kiwi": 4}
print(type(plain).__name__, plain)
attempt("Inventory | list", lambda: inv | [1])


class Stack(list):
    def peek(self):
        return super().__getitem__(-1)

    def push_all(self, items):
        super().extend(items)
        return super().__len__()


s = Stack([1])
print(s.push_all([2, 3]), s.peek(), s)
