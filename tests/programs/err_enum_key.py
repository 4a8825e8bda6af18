# Looking a command up by name: a name no member has is a KeyError, reported
# with the commands there are.
from enum import Enum, auto


class Command(Enum):
    START = auto()
    STOP = auto()
    PAUSE = auto()


def lookup(name):
    try:
        return Command[name.upper()]
    except KeyError as e:
        known = ", ".join(c.name for c in Command)
        raise KeyError(f"unknown command {e} (known: {known})") from None


def run(names):
    for name in names:
        cmd = lookup(name)
        print("running", cmd.name, cmd.value)


run(["start", "pause"])
run(["stop", "rewind"])
