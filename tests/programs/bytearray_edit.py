# A bytearray as an editable buffer: item and slice assignment, deletion,
# append/extend/insert/pop/remove/reverse/clear, +=, *=, and the errors.
buf = bytearray(b"hello world")
buf[0] = ord("H")
buf[6:11] = b"There"
print(buf, len(buf))
buf[5:6] = b", "
print(buf)
buf[::2] = bytes(len(buf[::2]))
print(buf)
del buf[0]
del buf[-3:]
del buf[::3]
print(buf)
buf = bytearray(b"abc")
buf.append(100)
buf.extend(b"ef")
buf.extend([103, 104])
buf.extend(bytearray(b"i"))
buf.insert(0, 95)
buf.insert(100, 33)
buf.insert(-1, 63)
print(buf, buf.pop(), buf.pop(0), buf.pop(2))
buf.remove(ord("h"))
buf.reverse()
print(buf, buf.copy(), buf.copy() == buf)
alias = buf
buf += b"++"
buf *= 2
print(alias == buf, alias)
buf.clear()
print(buf, len(buf), bool(buf))
grid = [bytearray(b"." * 5) for _ in range(3)]
grid[1][2] = ord("#")
grid[0][4] = ord("@")
for row in grid:
    print(row.decode())
print(bytearray(b"Mixed Case").upper(), bytearray(b"a-b-c").split(b"-"), bytearray(b"xy") + b"z", b"z" + bytearray(b"xy"))
ba = bytearray(b"abc")
it = iter(ba)
print(next(it), next(it), list(it), list(it))
def attempt(label, action):
    try:
        action()
        print(label, '-> ok', ba)
    except (TypeError, ValueError, IndexError) as e:
        print(label, '->', type(e).__name__, e)


def case0():
    ba[0] = 256


def case1():
    ba[0] = 'a'


def case2():
    ba[9] = 1


def case3():
    del ba[9]


def case4():
    ba.pop(9)


def case5():
    bytearray().pop()


def case6():
    ba.remove(122)


def case7():
    ba.append(-1)


def case8():
    ba[0:1] = 5


def case9():
    ba[::2] = b'xyz'


def case10():
    ba['x']


def case11():
    hash(ba)


def case12():
    ba.extend(5)


def case13():
    ba.extend('ab')


def case14():
    bytes([1, 256])


def case15():
    bytearray([1, 256])


def case16():
    bytes(-1)


def case17():
    bytes('x')


def case18():
    bytes(1.5)


def case19():
    b'x'[5]


def case20():
    ba[5]


def case21():
    b'ab'[1:2] = b'x'


CASES = [case0, case1, case2, case3, case4, case5, case6, case7, case8, case9, case10, case11, case12, case13, case14, case15, case16, case17, case18, case19, case20, case21]
for k, label in enumerate(['ba[0] = 256', "ba[0] = 'a'", 'ba[9] = 1', 'del ba[9]', 'ba.pop(9)', 'bytearray().pop()', 'ba.remove(122)', 'ba.append(-1)', 'ba[0:1] = 5', "ba[::2] = b'xyz'", "ba['x']", 'hash(ba)', 'ba.extend(5)', "ba.extend('ab')", 'bytes([1, 256])', 'bytearray([1, 256])', 'bytes(-1)', "bytes('x')", 'bytes(1.5)', "b'x'[5]", 'ba[5]', "b'ab'[1:2] = b'x'"]):
    attempt(label, CASES[k])
