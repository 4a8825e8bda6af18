# An ORM-style model layer: fields declared in the class body are collected by the
# metaclass, taken out of the namespace and described by `_fields`; classes inherit
# their bases' fields; `type()` and `isinstance` see the metaclass; the ABC classes'
# metaclass is ABCMeta; a metaclass conflict. Ends with a field's uncaught TypeError.
from abc import ABC, ABCMeta, abstractmethod


class Field:
    counter = 0

    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default
        Field.counter += 1
        self.order = Field.counter

    def check(self, name, value):
        if not issubclass(type(value), self.kind):
            raise TypeError(f"{name} must be {self.kind.__name__}, not {type(value).__name__}")
        return value


class ModelMeta(type):
    def __new__(mcls, name, bases, namespace, table=None):
        fields = {}
        for base in bases:
            fields.update(getattr(base, "_fields", {}))
        own = [(k, v) for k, v in namespace.items() if isinstance(v, Field)]
        own.sort(key=lambda kv: kv[1].order)
        for key, field in own:
            del namespace[key]
            fields[key] = field
        namespace["_fields"] = fields
        namespace["_table"] = table or name.lower() + "s"
        return super().__new__(mcls, name, bases, namespace)

    def __repr__(cls):
        return f"<model {cls.__name__} table={cls._table}>"

    def columns(cls):
        return list(cls._fields)


class Model(metaclass=ModelMeta):
    def __init__(self, **values):
        for key, field in self._fields.items():
            value = values.pop(key, field.default)
            setattr(self, key, field.check(key, value) if value is not None else None)
        if values:
            raise TypeError("unknown fields: " + ", ".join(sorted(values)))

    def __repr__(self):
        body = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}({body})"


class User(Model, table="people"):
    name = Field(str)
    age = Field(int, 0)


class Admin(User):
    level = Field(int, 1)


print(User, Admin, repr(Model))
print(User.columns(), Admin.columns(), hasattr(User, "name"))
print(User(name="ann", age=41), Admin(name="root"))
print(type(Admin) is ModelMeta, isinstance(Admin, ModelMeta), isinstance(Admin(name="x"), Model))
for bad in [dict(name=3), dict(name="bob", email="b@x")]:
    try:
        User(**bad)
    except TypeError as e:
        print("TypeError:", e)

rows = [Admin(name="u%d" % i, age=i, level=i % 3) for i in range(500)]
print(sum(r.level for r in rows), rows[-1])


# ABCMeta as an explicit metaclass and through ABC.
class Storage(metaclass=ABCMeta):
    @abstractmethod
    def save(self, record):
        ...


class Cache(ABC):
    @abstractmethod
    def get(self, key):
        ...


class Memory(Storage):
    def save(self, record):
        return "saved " + repr(record)


print(type(Storage) is ABCMeta, type(Cache) is ABCMeta, type(Memory).__name__, isinstance(Memory, ABCMeta))
print(isinstance(User, ABCMeta), Memory().save(User(name="z")))
try:
    Storage()
except TypeError as e:
    print("TypeError:", e)


class Other(type):
    pass


class Thing(metaclass=Other):
    pass


try:
    class Both(User, Thing):
        pass
except TypeError as e:
    print("TypeError:", e)


class Broken(Model):
    when = Field(float)
    count = Field(int, "zero")


print(Broken(when=1.5))
