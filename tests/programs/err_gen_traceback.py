# An exception raised inside a generator, several frames deep, goes through the
# generator's frame to the loop that consumes it.


def parse(lines):
    for n, line in enumerate(lines):
        yield n, int(line)


def totals(records):
    running = 0
    for n, value in records:
        running += value
        yield running


def report(lines):
    for t in totals(parse(lines)):
        print("running total", t)


report(["1", "2", "3"])
report(["4", "five", "6"])
