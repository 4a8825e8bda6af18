# A small notes tool: keeps notes in a scratch directory, reads them back in every
# way a file can be read, and cleans up after itself.
import os

ROOT = os.path.join(os.environ.get("TMPDIR", "/tmp"), "stitch_notes_%d" % os.getpid())


def show(label, value):
    print(label.ljust(22), repr(value))


def attempt(label, action):
    try:
        result = action()
    except (OSError, ValueError, TypeError, LookupError) as e:
        print(label.ljust(22), type(e).__name__ + ":", str(e).replace(ROOT, "ROOT"))
    else:
        print(label.ljust(22), "ok", repr(result))


os.makedirs(os.path.join(ROOT, "archive", "2024"))
os.makedirs(os.path.join(ROOT, "archive"), exist_ok=True)
attempt("makedirs again", lambda: os.makedirs(os.path.join(ROOT, "archive")))
notes = os.path.join(ROOT, "notes.txt")

with open(notes, "w") as f:
    show("mode/closed", (f.mode, f.closed, f.encoding))
    show("write returns", f.write("first line\n"))
    f.writelines(["second line\n", "third, with ünïcödé ✓\n"])
    print("fourth", "line", sep="-", file=f)
    show("tell after writes", f.tell())
show("closed after with", f.closed)

with open(notes, "a") as f:
    show("append starts at", f.tell())
    f.write("appended\n")

with open(notes) as f:
    show("readline", f.readline())
    show("readline(5)", f.readline(5))
    show("rest of line", f.readline())
    show("read(7)", f.read(7))
    show("tell", f.tell())
    show("readlines", f.readlines())
    show("at end read", f.read())
    show("at end readline", f.readline())
    f.seek(0)
    show("read all", f.read())

with open(notes, encoding="utf-8") as f:
    for number, line in enumerate(f, start=1):
        print(number, line.rstrip("\n").upper())

# Universal newlines: \r\n and \r read as \n in text mode, kept with newline=''.
with open(os.path.join(ROOT, "dos.txt"), "wb") as f:
    show("binary write", f.write(b"one\r\ntwo\rthree\nfour"))
    show("binary mode", f.mode)
with open(os.path.join(ROOT, "dos.txt")) as f:
    show("universal", f.readlines())
with open(os.path.join(ROOT, "dos.txt"), newline="") as f:
    show("newline=''", f.readlines())
with open(os.path.join(ROOT, "dos.txt"), newline="\n") as f:
    show("newline='\\n'", f.read())
with open(os.path.join(ROOT, "dos.txt"), "rb") as f:
    show("binary readline", f.readline())
    show("binary read(4)", f.read(4))
    show("binary tell", f.tell())
    f.seek(-4, 2)
    show("binary tail", f.read())
    show("binary iterate", list(open(os.path.join(ROOT, "dos.txt"), "rb")))

# Read and write the same file.
with open(notes, "r+") as f:
    f.write("FIRST")
    show("r+ tell", f.tell())
    show("r+ read rest", f.readline())
with open(notes) as f:
    show("r+ result", f.readline())

with open(os.path.join(ROOT, "fresh.txt"), "x") as f:
    f.write("made with x\n")
attempt("x on existing", lambda: open(os.path.join(ROOT, "fresh.txt"), "x"))

missing = os.path.join(ROOT, "nope.txt")
try:
    open(missing)
except FileNotFoundError as e:
    show("errno/strerror", (e.errno, e.strerror, e.filename == missing))
    print(str(e).replace(ROOT, "ROOT"))
try:
    open(os.path.join(ROOT, "archive"))
except IsADirectoryError as e:
    print(type(e).__name__, str(e).replace(ROOT, "ROOT"), isinstance(e, OSError))

f = open(notes)
f.close()
f.close()
attempt("read closed", f.read)
attempt("write to reader", lambda: open(notes).write("x"))
attempt("bad mode", lambda: open(notes, "rw"))
attempt("bad mode char", lambda: open(notes, "rq"))
attempt("text write of bytes", lambda: open(os.path.join(ROOT, "t.txt"), "w").write(b"x"))
attempt("binary write of str", lambda: open(os.path.join(ROOT, "b.bin"), "wb").write("x"))
attempt("unknown encoding", lambda: open(notes, encoding="no-such-codec"))
attempt("binary with encoding", lambda: open(notes, "rb", encoding="utf-8"))

show("exists", (os.path.exists(notes), os.path.exists(missing)))
show("isfile/isdir", (os.path.isfile(notes), os.path.isdir(notes), os.path.isdir(os.path.join(ROOT, "archive"))))
show("getsize", os.path.getsize(notes))
show("listdir", sorted(os.listdir(ROOT)))

for name in sorted(os.listdir(ROOT)):
    full = os.path.join(ROOT, name)
    if os.path.isfile(full):
        os.remove(full)
attempt("remove missing", lambda: os.remove(missing))
os.rmdir(os.path.join(ROOT, "archive", "2024"))
os.rmdir(os.path.join(ROOT, "archive"))
os.rmdir(ROOT)
show("cleaned up", os.path.exists(ROOT))
