"""An invalid date from a parsed string: CPython's ValueError ends the program."""
from datetime import date


def parse(text: str) -> date:
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


for text in ["2024-02-29", "2023-12-31", "2023-02-29"]:
    print(parse(text).strftime("%d %B %Y"))
