# Permissions and feature toggles with enum.Flag / IntFlag, HTTP-ish methods with
# StrEnum, and the Enum hooks (_missing_, _generate_next_value_, @unique).
from enum import Enum, Flag, IntFlag, StrEnum, auto, unique


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    ALL = 7
    NONE = 0


class Mode(IntFlag):
    OWNER_R = 0o400
    OWNER_W = 0o200
    GROUP_R = 0o040
    OTHER_R = 0o004


class Method(StrEnum):
    GET = auto()
    POST = auto()
    DELETE = "DELETE"


@unique
class Shape(Enum):
    CIRCLE = 1
    SQUARE = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name == value.upper():
                    return m
        return None


class Level(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return count * 10

    LOW = auto()
    MID = auto()
    HIGH = auto()


print(Perm, list(Perm), len(Perm), Perm.READ.value, Perm.EXECUTE.value)
rw = Perm.READ | Perm.WRITE
print(rw, repr(rw), rw.name, rw.value, Perm.READ in rw, Perm.EXECUTE in rw, bool(rw))
print(Perm.ALL, repr(Perm.ALL), list(Perm.ALL), len(rw), Perm(3) == rw, Perm(7) == Perm.ALL)
print(~Perm.READ, repr(~Perm.ALL), Perm.NONE, repr(Perm.NONE), bool(Perm.NONE), rw & Perm.WRITE, rw ^ Perm.ALL)
print(list(Perm.__members__), [m.name for m in rw], Perm["WRITE"], Perm.READ == Perm(1), hash(rw) == hash(Perm(3)))

users = {"ann": Perm.READ | Perm.WRITE, "bob": Perm.READ, "cy": Perm.ALL}
for name, p in sorted(users.items()):
    can = [q.name.lower() for q in Perm if q in p]
    print(f"{name:>4}: {p!s:<30} {'/'.join(can)}")
granted = Perm.NONE
for p in (Perm.READ, Perm.EXECUTE):
    granted |= p
print(granted, granted == Perm.READ | Perm.EXECUTE)
try:
    Perm.READ | 4
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 in Perm.ALL)
except TypeError as e:
    print("TypeError:", e)

m = Mode.OWNER_R | Mode.OWNER_W | Mode.GROUP_R
print(m, repr(m), oct(m), m + 1, m == 0o640, Mode.GROUP_R in m, isinstance(m, int), f"{m:o}", f"{Mode.OTHER_R}")
print(repr(Mode(0o404)), repr(Mode.OWNER_R | 1), repr(Mode(1)), Mode(0), repr(~Mode.OWNER_R), list(m))
print(sorted([Mode.OTHER_R, Mode.OWNER_R, Mode.GROUP_R]), {Mode.GROUP_R: "g"}[0o40], Mode.OWNER_W & 0o200)

print(Method.GET, repr(Method.POST), Method.DELETE, list(Method), Method("post") == Method.POST)
print(Method.GET == "get", Method.GET.upper(), f"[{Method.POST:>6}]", "/api/" + Method.GET, len(Method.DELETE))
print(Shape("circle"), Shape(2), Shape.__members__["SQUARE"], [lv.value for lv in Level], Level(20))
try:
    Shape("triangle")
except ValueError as e:
    print("ValueError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
