# CPython's ". Did you mean: ...?" is added by the traceback printer, not part of
# the exception's message: str() of a caught NameError or AttributeError has none,
# and the uncaught one's last line has it.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


messages = []
for attempt in range(3):
    try:
        lenght = 3
        print(lengt)
    except NameError as e:
        messages.append(str(e))
    try:
        method = [1, 2].apend
    except AttributeError as e:
        messages.append(str(e))
    try:
        Point(1, 2).z1
    except AttributeError as e:
        messages.append(e.args[0])
print(len(messages))
for m in messages[:3]:
    print(m)
p = Point(3, 4)
print(p.y1)
