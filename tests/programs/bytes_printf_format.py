# printf-style formatting of bytes and bytearray, with its errors.
print(b"%d-%s-%5.2f|%-6b|%r|%a|%c%c|%x|%%" % (42, b"ab", 3.14159, bytearray(b"xy"), "é", b"q", 65, b"Z", 255))
print(bytearray(b"n=%03d") % 7, b"%(k)s=%(v)d" % {b"k": b"key", b"v": 9}, b"%.2s" % b"abcdef")
print(b"\xff%s\x00" % b"\xfe", b"%5s|%-5s|" % (b"a", b"b"), b"%i %u %o %X %e %g" % (1, 2, 8, 255, 1.5, 0.0001))
for bad in (lambda: b"%s" % "str", lambda: b"%c" % 256, lambda: b"%c" % b"ab", lambda: b"%d %d" % (1,), lambda: b"%d" % (1, 2), lambda: b"%z" % 1, lambda: b"%d" % b"x"):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
