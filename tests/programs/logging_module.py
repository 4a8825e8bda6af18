import logging
import io
import sys

log = logging.getLogger(__name__)
log.info("not shown")
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("%(levelname)-8s %(name)s: %(message)s"))
app = logging.getLogger("app")
app.addHandler(h)
app.setLevel(logging.DEBUG)
db = logging.getLogger("app.db")
db.debug("connect %s:%d", "localhost", 5432)
db.info("rows=%(n)d", {"n": 3})
app.warning("disk %.1f%% full", 93.456)
print(buf.getvalue(), end="")
print(db.parent == app, db.getEffectiveLevel(), logging.getLevelName(20), logging.getLevelName("ERROR"), logging.getLevelName(5))
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
svc = logging.getLogger("svc")
svc.addHandler(out)
svc.propagate = False
svc.error("failed: %s", ValueError("bad"))
svc.setLevel("INFO")
svc.debug("hidden")
svc.info("shown")
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
svc.addFilter(OnlyOdd())
for i in range(4):
    svc.info("n=%d", i)
print(repr(svc), repr(logging.getLogger()), svc.hasHandlers())
tpl = logging.StreamHandler(sys.stdout)
tpl.setFormatter(logging.Formatter("$levelname - ${message}!", style="$"))
t = logging.getLogger("tpl"); t.propagate = False; t.addHandler(tpl)
t.warning("hi %s", "there")
adapter = logging.LoggerAdapter(svc, {"user": "bob"})
adapter.info("adapted %d", 7)
logging.disable(logging.CRITICAL)
svc.critical("off")
logging.disable(logging.NOTSET)
try:
    int("x")
except ValueError:
    svc.exception("boom %d", 1)
logging.basicConfig(level=logging.INFO, format="%(name)s %(message)s", stream=sys.stdout, force=True)
logging.info("root info")
logging.getLogger("x.y").info("child")
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print(e)
