"""Paths as values (parsing, joining, names and suffixes, parents, comparisons) and a
scratch directory handled through them (mkdir, write/read, iterdir, glob, rename,
unlink), with CPython's errors."""
import os
import pathlib
from pathlib import Path, PurePath, PurePosixPath

p = PurePosixPath("/usr/local/lib/python3.11/site.tar.gz")
print(p, repr(p))
print(p.name, p.stem, p.suffix, p.suffixes)
print(p.parent, p.parent.parent)
print(p.parts)
print(list(p.parents))
print(len(p.parents), p.parents[0], p.parents[-1], p.parents[1:3])
print(p.anchor, p.root, repr(p.drive), p.is_absolute())
print(p.with_name("other.txt"), p.with_suffix(".zip"), p.with_stem("x"))
print(p.relative_to("/usr"), p.relative_to("/usr/local/"))
print(p.is_relative_to("/etc"), p.is_relative_to("/usr"))
q = PurePath("a", "b/c", "./d", "")
print(q, repr(q), q.parts, q.is_absolute())
print(PurePath("a") / "b" / PurePath("c"), "x" / PurePath("y"))
print(PurePath("a") / "/etc", PurePath("//srv/x"), PurePath("///srv/x"), PurePath(""), PurePath("."))
print(PurePath("a/b").joinpath("c", "d"))
print(PurePath("foo.") .suffix, PurePath(".bashrc").suffix, PurePath(".bashrc").stem, PurePath("a.b.").suffixes)
print(PurePath("x") == PurePath("x"), PurePath("x") == Path("x"), PurePath("a") < PurePath("b"), PurePath("x") == "x")
print(sorted([PurePath("b/a"), PurePath("a/z"), PurePath("a")]))
print(len({PurePath("a/b"), PurePath("a//b"), PurePath("a/./b")}))
print(PurePath("a/b.py").match("*.py"), PurePath("/a/b/c.py").match("b/*.py"), PurePath("/a/b/c.py").match("/*.py"), PurePath("a/b.py").match("a/*.txt"))
print(PurePath(".").parent, PurePath("/").parent, PurePath("a").parent, PurePath("/").name == "")
for bad in [lambda: PurePath("a").with_suffix("txt"), lambda: PurePath("").with_name("x"),
            lambda: PurePath("a/b").with_name("c/d"), lambda: PurePath("a").relative_to("b"),
            lambda: PurePath("/a").relative_to("a"), lambda: PurePath(3), lambda: PurePath("a").with_suffix("."),
            lambda: PurePath("a") / 3, lambda: PurePath("a") < "b"]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

scratch = Path(os.environ.get("TMPDIR", "/tmp")) / ("stitch_pathlib_%d" % os.getpid())
base = scratch / "project"


def rel(p):
    return str(p.relative_to(scratch))


print(base.exists(), base.is_dir(), scratch.is_absolute())
(base / "sub" / "deep").mkdir(parents=True)
base.mkdir(exist_ok=True)
for attempt in (lambda: base.mkdir(), lambda: (base / "none" / "x").mkdir()):
    try:
        attempt()
    except OSError as e:
        print(type(e).__name__, str(e).replace(str(scratch), "SCRATCH"))
notes = base / "notes.txt"
print(notes.write_text("one\ntwo\n"))
print(repr(notes.read_text()), notes.is_file(), notes.exists(), notes.is_dir())
(base / "data.bin").write_bytes(b"\x00\x01")
print((base / "data.bin").read_bytes())
(base / "sub" / "a.py").write_text("print(1)\n")
(base / "sub" / "deep" / "b.py").write_text("print(2)\n")
(base / "sub" / "c.txt").touch()
(base / "sub" / "c.txt").touch()
print(sorted(p.name for p in base.iterdir()))
print(sorted(rel(p) for p in base.glob("*.txt")))
print(sorted(rel(p) for p in base.glob("*/*.py")))
print(sorted(rel(p) for p in base.glob("**/*.py")))
print(sorted(rel(p) for p in base.rglob("*.py")))
print(sorted(rel(p) for p in base.glob("**")))
print(sorted(rel(p) for p in base.glob("s?b/[ab].*")))
with (base / "notes.txt").open() as f:
    print(f.readline().strip())
with open(base / "notes.txt") as f:
    print(f.read().split())
print(os.path.exists(base / "data.bin"), os.path.join(base, "x").endswith("project/x"), os.fspath(PurePath("a/b")))
moved = notes.rename(base / "moved.txt")
print(repr(moved).replace(str(scratch), "SCRATCH"), moved.exists(), notes.exists())
moved.unlink()
moved.unlink(missing_ok=True)
for attempt in (lambda: moved.unlink(), lambda: (base / "missing.txt").read_text(), lambda: notes.write_text(5)):
    try:
        attempt()
    except (OSError, TypeError) as e:
        print(type(e).__name__, str(e).replace(str(scratch), "SCRATCH"))
print(Path.cwd() == Path(".").absolute(), Path("x").absolute().name, Path("a/../b").resolve() == Path.cwd() / "b")
print(Path("/x/y").absolute(), repr(Path("a")), type(Path("a")).__name__, isinstance(Path("a"), PurePath))
print(Path.home() == Path(os.path.expanduser("~")), Path("~/x").expanduser().name)
for child in sorted(scratch.rglob("*"), reverse=True):
    if child.is_dir():
        child.rmdir()
    else:
        child.unlink()
scratch.rmdir()
print(scratch.exists())
