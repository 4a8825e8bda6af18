# A small log analyser: requests name files by path; the report groups them by
# directory and extension, resolves them against a web root and wraps the messages.
import os
import os.path
import textwrap
from os.path import splitext, basename

WEB_ROOT = "/srv/www/site"

LOG = """\
200 GET /static/css/main.css 5120 ok
200 GET /static/js/app.min.js 88211 ok
404 GET /static/img/../img/logo.png 0 the file was moved to the new asset pipeline during the redesign and nobody updated the template
200 GET /index.html 2311 ok
500 GET /api//v1/./users 0 upstream timed out after thirty seconds while the database was being vacuumed by the nightly maintenance job
200 GET /static/css/print.css 811 ok
403 GET /../../etc/passwd 0 path escapes the web root
200 GET /downloads/report.tar.gz 1048576 ok
200 GET /downloads/.hidden 12 ok
"""


def parse(line):
    status, method, path, size, message = line.split(" ", 4)
    return int(status), method, path, int(size), message


def resolve(path):
    # Requests are relative to the web root; normpath folds the dots away.
    local = os.path.normpath(os.path.join(WEB_ROOT, path.lstrip("/")))
    inside = local == WEB_ROOT or local.startswith(WEB_ROOT + os.sep)
    return local, inside


by_dir = {}
by_ext = {}
problems = []
for line in LOG.splitlines():
    status, method, path, size, message = parse(line)
    local, inside = resolve(path)
    head, tail = os.path.split(local)
    root, ext = splitext(tail)
    by_dir.setdefault(os.path.relpath(head, WEB_ROOT), []).append(basename(local))
    by_ext[ext or "(none)"] = by_ext.get(ext or "(none)", 0) + size
    if status != 200 or not inside:
        problems.append((status, local, inside, message))

print("files by directory:")
for d in sorted(by_dir):
    print("  %-22s %s" % (d, ", ".join(by_dir[d])))

print("bytes by extension:")
for ext, total in sorted(by_ext.items(), key=lambda kv: (-kv[1], kv[0])):
    print("  %-8s %9d" % (ext, total))

print("problems:")
for status, local, inside, message in problems:
    where = local if inside else "OUTSIDE " + local
    print(textwrap.fill(message, width=48, initial_indent="  %d %s: " % (status, os.path.basename(where) or where),
                        subsequent_indent="        "))
    print("    short:", textwrap.shorten(message, width=40))

print("joins:", os.path.join("logs", "2024", "app.log"), os.path.join("logs/", "/abs", "x"), os.path.join("a", ""))
print("dirnames:", [os.path.dirname(p) for p in ["/a/b/", "a", "/", "//x/y", "x//y"]])
print("splitext:", [os.path.splitext(p) for p in [".bashrc", "a.b.c", "dir.d/file", "..x", "x."]])
print("isabs:", os.path.isabs(WEB_ROOT), os.path.isabs("rel/path"))
print("common:", os.path.commonprefix(["/srv/www/a", "/srv/www/b", "/srv/wiki"]))

here = os.path.dirname(os.path.abspath(__file__))
print("this file is found:", os.path.isfile(os.path.join(here, basename(__file__))),
      os.path.isdir(here), os.path.exists(os.path.join(here, "no-such-file.log")))
print("package files:", sorted(f for f in os.listdir(os.path.join(here, "inventory")) if f.endswith(".py")))
print("size known:", os.path.getsize(__file__) > 1000)
print("cwd is absolute:", os.path.isabs(os.getcwd()), "sep:", os.sep, "linesep:", repr(os.linesep))
print("home expanded:", os.path.expanduser("~/x").endswith("/x"), os.path.expanduser("data/~x"))
print("env:", os.environ.get("STITCH_SURELY_UNSET_VAR"), os.getenv("STITCH_SURELY_UNSET_VAR", "default"),
      "STITCH_SURELY_UNSET_VAR" in os.environ)
os.environ["STITCH_LOG_LEVEL"] = "debug"
print("env set:", os.environ["STITCH_LOG_LEVEL"], os.getenv("STITCH_LOG_LEVEL"))
del os.environ["STITCH_LOG_LEVEL"]
print("env deleted:", os.getenv("STITCH_LOG_LEVEL"))
print("cpus:", os.cpu_count() >= 1, "pid:", os.getpid() > 0, "random bytes:", len(os.urandom(16)))

try:
    os.path.getsize(os.path.join(here, "missing.log"))
except FileNotFoundError as e:
    print("missing:", e.errno, e.strerror, os.path.basename(e.filename))
try:
    os.listdir("no-such-directory")
except OSError as e:
    print("listdir:", type(e).__name__, e)
try:
    os.path.join("logs", 2024)
except TypeError as e:
    print("join:", e)
try:
    os.environ["STITCH_SURELY_UNSET_VAR"]
except KeyError as e:
    print("environ:", repr(e))
