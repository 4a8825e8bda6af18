# Parsing a config value into an enum: a value no member has is CPython's
# ValueError, re-raised with the setting's name.
from enum import Enum


class Mode(Enum):
    READ = "r"
    WRITE = "w"
    APPEND = "a"


def parse_modes(spec):
    modes = []
    for ch in spec:
        try:
            modes.append(Mode(ch))
        except ValueError as e:
            raise ValueError(f"bad mode string {spec!r}: {e}") from None
    return modes


print(parse_modes("rwa"))
print(parse_modes("rx"))
