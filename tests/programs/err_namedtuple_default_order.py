# A NamedTuple field without a default after one with a default.
from typing import NamedTuple

print("defining")


class Options(NamedTuple):
    verbose: bool = False
    level: int
