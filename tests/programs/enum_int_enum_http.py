# An HTTP status table with IntEnum, and enums mixing in int and str.
import json
from enum import Enum, IntEnum, auto, unique


@unique
class Status(IntEnum):
    OK = 200
    CREATED = 201
    MOVED = 301
    NOT_FOUND = 404
    SERVER_ERROR = 500

    @property
    def is_error(self):
        return self >= 400

    def describe(self):
        return f"{self.value} {self.name.replace('_', ' ').title()}"


print(repr(Status.OK), str(Status.OK), f"[{Status.NOT_FOUND}]", format(Status.CREATED, ">6"), "%d" % Status.MOVED)
print(Status.OK == 200, Status.OK + 1, type(Status.OK + 1).__name__, Status.OK * 2, -Status.OK, Status.OK // 3)
print(isinstance(Status.OK, int), isinstance(Status.OK, Status), type(Status.OK).__name__)
print(Status(404), repr(Status(404)), Status["MOVED"].describe(), Status(500) is Status.SERVER_ERROR)
print([s.describe() for s in Status if s.is_error])
print(len(Status), Status.OK in Status, sorted([Status.NOT_FOUND, Status.OK, 250]), max(Status), min(Status).name)
print(hash(Status.OK) == hash(200), {200: "fine"}[Status.OK], {Status.OK: "x"}[200], json.dumps({"status": Status.NOT_FOUND}))
print(list(range(Status.OK, Status.CREATED + 2)), ["a", "b", "c"][Status.OK - 199], bool(Status.OK))
print(Status.__members__.keys(), Status.OK.value + Status.CREATED.value, round(Status.OK), int(Status.NOT_FOUND))

counts = {}
for code in [200, 404, 200, 500, 201, 404, 404] * 50:
    s = Status(code)
    counts[s] = counts.get(s, 0) + 1
print(sorted((s.name, n) for s, n in counts.items()))


def classify(code):
    match Status(code):
        case Status.OK | Status.CREATED:
            return "success"
        case Status.MOVED:
            return "redirect"
        case s if s.is_error:
            return "error " + str(s)
    return "?"


print([classify(c) for c in (200, 201, 301, 404, 500)])
try:
    Status(418)
except ValueError as e:
    print("ValueError:", e)


class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


print(list(Priority), Priority.HIGH > Priority.LOW, Priority.MEDIUM - 1, sorted(Priority, reverse=True)[0])


class Color(str, Enum):
    RED = "red"
    GREEN = "green"


print(repr(Color.RED), str(Color.RED), f"{Color.GREEN}", Color.RED == "red", Color.RED.upper(), Color("green"))
print(Color.RED + "!", len(Color.GREEN), Color.RED.value, {"red": 1}[Color.RED], json.dumps([Color.RED]))
print(sorted(Color), "re" in Color.RED, Color.RED.startswith("r"), isinstance(Color.RED, str))


class Level(int, Enum):
    DEBUG = 10
    INFO = 20


print(repr(Level.INFO), str(Level.INFO), f"{Level.DEBUG}", Level.INFO > Level.DEBUG, Level.INFO + 5, Level(10).name)
