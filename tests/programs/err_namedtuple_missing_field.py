# A NamedTuple record built without one of its required fields.
from typing import NamedTuple


class Reading(NamedTuple):
    sensor: str
    value: float
    unit: str = "C"


def parse(line):
    parts = line.split(",")
    if len(parts) == 2:
        return Reading(parts[0], float(parts[1]))
    return Reading(parts[0])


for line in ["a,1.5", "b,2.0", "c"]:
    print(parse(line))
