# A search tool takes its pattern from the user; a pattern that does not compile
# is reported with CPython's message once, and the second one ends the program.
import re


class PatternError(Exception):
    pass


def search_lines(pattern, lines):
    rx = re.compile(pattern)
    return [i for i, line in enumerate(lines, start=1) if rx.search(line)]


lines = ["alpha 1", "beta 22", "gamma (3)"]
print(search_lines(r"\d{2}", lines))
try:
    search_lines(r"(\d", lines)
except re.error as e:
    print("bad pattern:", e.msg, "at", e.pos, "in", repr(e.pattern))
try:
    search_lines("[a-", lines)
except re.error as e:
    print("bad pattern:", e)
print(search_lines(r"\(3\)", lines))
try:
    search_lines(r"gamma **", lines)
except re.error as e:
    # CPython's own frames (its parser is Python) stay out of the report.
    raise PatternError(f"{e.pattern!r}: {e}") from None
