# StringIO as a scratch file: print into it, read it back by lines and sizes, seek,
# overwrite, truncate, and use it as a context manager.
import io
from io import StringIO

buf = io.StringIO()
print("hello", 42, sep=", ", file=buf)
print("second line", file=buf, end="!\n")
n = buf.write("tail")
print(n, repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(3)), buf.tell(), repr(buf.read()), repr(buf.read()))
buf.seek(0)
for i, line in enumerate(buf):
    print(i, repr(line))
print(list(StringIO("a\nb\n\nc")), StringIO("x\ny\n").readlines())
s = StringIO("abcdef")
s.seek(3)
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.seek(10)
s.write("Z")
print(repr(s.getvalue()))
s.truncate(4)
print(repr(s.getvalue()), s.tell(), s.seek(0, 2), s.closed)
with StringIO() as out:
    out.writelines(["a", "b", "c\n"])
    print(repr(out.getvalue()), type(out).__name__)
print(out.closed)
try:
    out.getvalue()
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: StringIO(5), lambda: StringIO().write(3), lambda: StringIO().seek(-1), lambda: StringIO("ab").seek(1, 1)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
u = StringIO("héllo wörld")
print(u.read(2), u.tell(), u.readline(3), u.tell())
