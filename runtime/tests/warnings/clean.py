# Nothing here warns: `is` with None, True, False, Ellipsis and names; calls and
# subscripts of names; an assertion on a non-tuple; (1, y) is no constant.
x = None
y = [1, 2]
print(x is None, x is not True, x is ..., x is y, y is (1, x), y is [])
assert (x is None), "message"
print(y[0], y[-1], "abc"[1], (1, 2)[0], {"k": 1}["k"], len(y))
