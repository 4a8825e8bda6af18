# Trying to change a member on the class: CPython refuses with AttributeError
# (and a member's value is read-only too).
from enum import Enum


class Config(Enum):
    DEBUG = False
    VERBOSE = True


def set_option(name, value):
    try:
        setattr(Config, name, value)
    except AttributeError as e:
        raise AttributeError(f"cannot change option {name}: {e}") from None


def set_value(member, value):
    try:
        member.value = value
    except AttributeError as e:
        print("refused:", e)


print(Config.DEBUG, Config.DEBUG.value)
set_option("LEVEL", 3)  # a new, non-member attribute is fine
print(Config.LEVEL, len(Config))
set_value(Config.VERBOSE, False)
print(Config.VERBOSE.value)
set_option("DEBUG", True)
