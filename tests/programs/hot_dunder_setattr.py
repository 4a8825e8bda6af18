# Validated and audited records: __setattr__ checks every assignment and hands
# the store on to object's through super().


class Audited:
    def __init__(self, name):
        self.history = []
        self.name = name

    def __setattr__(self, key, value):
        if key != "history":
            self.history.append(key)
        super().__setattr__(key, value)


class Temperature(Audited):
    def __init__(self, name, celsius):
        super().__init__(name)
        self.celsius = celsius

    def __setattr__(self, key, value):
        if key == "celsius" and value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        super().__setattr__(key, value)

    def __repr__(self):
        return f"{self.name}: {self.celsius:.1f}C"


class Frozen:
    def __init__(self, x, y):
        super().__setattr__("x", x)
        super().__setattr__("y", y)

    def __setattr__(self, key, value):
        raise AttributeError(f"cannot assign to field '{key}'")

    def moved(self, dx, dy):
        return Frozen(self.x + dx, self.y + dy)


t = Temperature("lab", 21.5)
t.celsius = 19.0
t.celsius += 0.5
setattr(t, "name", "cellar")
print(t, t.history)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(t, len(t.history), vars(t)["celsius"])

p = Frozen(1, 2)
q = p.moved(3, 4)
print(p.x, p.y, q.x, q.y)
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(q, "z", 0)
except AttributeError as e:
    print("AttributeError:", e)
print(p.x, hasattr(q, "z"))
total = 0
for i in range(6000):
    t.celsius = i % 40 - 10
    total += t.celsius
print(total, len(t.history))
