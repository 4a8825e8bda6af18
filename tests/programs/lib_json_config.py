# A service reads its JSON configuration, fills in defaults, validates it, and
# writes back a normalized copy.
import json

RAW = "\n".join([
    '{',
    '    "service": "billing",',
    '    "port": 8080,',
    '    "debug": false,',
    '    "ratio": 0.75,',
    '    "owners": ["ana", "bo\\u00e9", "chen"],',
    '    "limits": {"cpu": 2.5, "memory_mb": 512, "burst": null},',
    '    "tags": [],',
    '    "extra": {},',
    '    "big": 123456789012345678901234567890,',
    '    "exp": 1e-7,',
    '    "escaped": "tab\\there \\"quoted\\" \\u00e9 \\ud83d\\ude00 slash\\/"',
    '}',
])

DEFAULTS = {"port": 80, "workers": 4, "debug": True, "timeout": 30.0}


def load_config(text):
    cfg = json.loads(text)
    merged = dict(DEFAULTS)
    merged.update(cfg)
    return merged


def validate(cfg):
    problems = []
    if not isinstance(cfg["port"], int) or not 0 < cfg["port"] < 65536:
        problems.append("port out of range")
    if cfg["limits"]["memory_mb"] < 256:
        problems.append("too little memory")
    for name in cfg["owners"]:
        if not name.isalpha():
            problems.append("odd owner " + name)
    return problems


cfg = load_config(RAW)
print(sorted(cfg))
print(cfg["service"], cfg["port"], cfg["workers"], cfg["debug"], cfg["timeout"])
print(type(cfg["ratio"]).__name__, cfg["ratio"], cfg["limits"], cfg["big"] + 1, cfg["exp"])
print(repr(cfg["escaped"]))
print(validate(cfg))

print(json.dumps(cfg))
print(json.dumps(cfg, sort_keys=True, indent=4))
print(json.dumps(cfg, ensure_ascii=False, separators=(",", ":")))
print(json.dumps(cfg["owners"], indent="  "))
print(json.dumps({"a": [1, [2, [3, []]], {}]}, indent=0))

# Round trips of the scalar types and of floats that need their shortest repr.
values = [0, -1, 2**63, 3.0, 0.1, 1 / 3, 1e16, 1e22, 123456789.125, -0.0, 5e-324, True, False, None, "", "x"]
text = json.dumps(values)
print(text)
print(json.loads(text) == values)
print(json.dumps([float("inf"), float("-inf")]), json.loads("[NaN, Infinity, -Infinity]")[1:])

# Keys that are not strings become strings.
print(json.dumps({1: "one", 2.5: "two and a half", True: "yes", None: "nothing"}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps({(1, 2): "pair", "ok": 1}, skipkeys=True))

# Tuples are arrays; dict subclasses are objects.
from collections import OrderedDict, Counter
print(json.dumps((1, (2, 3))), json.dumps(OrderedDict([("z", 1), ("a", 2)])), json.dumps(Counter("abca")))

# default= turns other objects into JSON.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_other(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")


print(json.dumps({"points": [Point(1, 2), Point(3.5, -1)], "ids": {3, 1, 2}}, default=encode_other))

# object_hook sees every object, innermost first.
seen = []


def hook(d):
    seen.append(sorted(d))
    return d


print(json.loads('{"a": {"b": {"c": 1}}, "d": [{"e": 2}]}', object_hook=hook), seen)
print(json.loads('  [1, 2.0, "3", [true, false, null], {"k": -4e2}]  \n'))
print(json.loads('"line\\nbreak"'), json.loads("123"), json.loads("-0"), json.loads("-0.5E+2"))
print(json.loads('{"dup": 1, "other": 2, "dup": 3}'))
print(json.loads('"ctl\tchar"', strict=False) == "ctl\tchar")
