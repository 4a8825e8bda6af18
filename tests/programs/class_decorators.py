# Class decorators: a plugin registry, an auto-generated __repr__ and ordering
# methods filled in from __lt__, stacked in the order written.

REGISTRY = {}


def register(kind):
    def wrap(cls):
        REGISTRY[kind] = cls
        return cls
    return wrap


def auto_repr(cls):
    def __repr__(self):
        fields = ", ".join([f"{k}={v!r}" for k, v in vars(self).items()])
        return f"{type(self).__name__}({fields})"
    cls.describe = __repr__
    return cls


def ordered(cls):
    def gt(self, other):
        return other < self

    def ge(self, other):
        return not self < other
    cls.greater = gt
    cls.at_least = ge
    return cls


def tag(label):
    def wrap(cls):
        cls.tags = getattr(cls, "tags", []) + [label]
        return cls
    return wrap


@register("csv")
@auto_repr
class CsvReader:
    def __init__(self, sep=","):
        self.sep = sep

    def parse(self, line):
        return line.split(self.sep)


@register("tsv")
class TsvReader(CsvReader):
    def __init__(self):
        super().__init__("\t")


@ordered
@auto_repr
class Score:
    def __init__(self, points):
        self.points = points

    def __lt__(self, other):
        return self.points < other.points


@tag("outer")
@tag("inner")
class Widget:
    pass


reader = REGISTRY["csv"]()
print(reader.parse("a,b,c"), REGISTRY["tsv"]().parse("x\ty"), sorted(REGISTRY))
print(reader.describe(), Score(3).describe())
a = Score(3)
b = Score(7)
print(a.greater(b), b.greater(a), a.at_least(a), a.at_least(b), min(b, a).points)
print(Widget.tags, Widget.__name__, isinstance(REGISTRY["tsv"](), CsvReader))
