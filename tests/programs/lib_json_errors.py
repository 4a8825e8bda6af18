# A tool that validates JSON documents pasted by users and reports where each one
# is broken, and what cannot be encoded.
import json

DOCS = [
    "",
    "   ",
    "{\"name\": \"x\",}",
    "[1, 2,]",
    "{\"a\" 1}",
    "{'single': 1}",
    "[1 2]",
    "{\"open\": [1, 2}",
    "\"unterminated",
    "\"bad \\x escape\"",
    "\"short \\u12\"",
    "\"raw\tcontrol\"",
    "01",
    "1.",
    "-",
    "nul",
    "tru",
    "[1]x",
    "\ufeff{}",
    "{\"a\": 1",
    "[",
    "{\n  \"k\": 1,\n  \"m\": ,\n}",
    "[1, 2]\n\n  extra",
    "{\"caf\u00e9\": [\"\u00e9\u00e9\", }",
]

for doc in DOCS:
    try:
        value = json.loads(doc)
        print("ok", repr(value))
    except json.JSONDecodeError as err:
        print(f"{doc!r:28} -> {err.msg} at line {err.lineno} col {err.colno} (pos {err.pos})")
        assert err.doc == doc
        assert str(err) == f"{err.msg}: line {err.lineno} column {err.colno} (char {err.pos})"

try:
    json.loads("{")
except ValueError as err:
    print("a ValueError too:", type(err).__name__, err.args)

for bad in [5, None, ["[]"]]:
    try:
        json.loads(bad)
    except TypeError as err:
        print("TypeError:", err)

cyclic = {"name": "loop"}
cyclic["self"] = cyclic
looped = [1, 2]
looped.append([looped])
for obj in [{1, 2}, {(1, 2): 3}, cyclic, looped, float("nan"), range(3), 2.5]:
    try:
        print("encoded", json.dumps(obj, allow_nan=False))
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)

try:
    json.dumps({"a": 1, 2: "b"}, sort_keys=True)
except TypeError as err:
    print("TypeError:", err)

# Deep nesting: fine to a few hundred levels, RecursionError far beyond.
nested = json.loads("[" * 300 + "]" * 300)
levels = 0
while nested:
    nested = nested[0]
    levels += 1
print("levels", levels)
for text in ["[" * 100000 + "]" * 100000, '{"a": ' * 100000 + "1" + "}" * 100000]:
    try:
        json.loads(text)
    except RecursionError as err:
        print("RecursionError:", err)
deep = []
for _ in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as err:
    print("RecursionError:", err)
