# A generator closed early leaves nothing behind: a later error's traceback names
# only the frames it went through.


def lines():
    try:
        yield "header"
        yield "body"
    finally:
        print("file closed")


def first_line():
    reader = lines()
    line = next(reader)
    reader.close()
    return line


def parse_size(text):
    return int(text)


print(first_line())
print(parse_size("12"))
print(parse_size(first_line()))
