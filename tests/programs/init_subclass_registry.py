# A plugin registry built by __init_subclass__, with class keywords, in the style of
# command dispatchers and serializers.


class Command:
    registry = {}
    aliases = {}

    def __init_subclass__(cls, name=None, alias=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Command.registry[key] = cls
        if alias:
            Command.aliases[alias] = key
        cls.key = key

    def run(self, *args):
        raise NotImplementedError(self.key)


class Add(Command, alias="+"):
    def run(self, a, b):
        return a + b


class Multiply(Command, name="mul", alias="*"):
    def run(self, a, b):
        return a * b


class Negate(Command):
    def run(self, a):
        return -a


class Broken(Command, name="broken"):
    pass


def dispatch(word, *args):
    key = Command.aliases.get(word, word)
    cls = Command.registry.get(key)
    if cls is None:
        return f"unknown command {word!r}"
    try:
        return cls().run(*args)
    except NotImplementedError as e:
        return f"not implemented: {e}"


print(sorted(Command.registry), Command.aliases)
for line in ["+ 2 3", "mul 4 5", "* 6 7", "negate 8", "broken 1", "div 1 2"]:
    word, *nums = line.split()
    print(line, "->", dispatch(word, *map(int, nums)))


class Counted:
    subclasses = 0

    @classmethod
    def __init_subclass__(cls):
        Counted.subclasses += 1
        cls.serial = Counted.subclasses


class A(Counted):
    pass


class B(A):
    pass


print(A.serial, B.serial, Counted.subclasses)


class Strict:
    def __init_subclass__(cls, /, required, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.required = required


class Good(Strict, required=True):
    pass


print(Good.required)
try:
    class Bad(Strict):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Extra(Strict, required=1, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(flag=1):
        pass
except TypeError as e:
    print("TypeError:", e)
