# fromkeys through dict, OrderedDict and defaultdict (types and instances): each
# makes a dict of its own class; Counter refuses it as CPython does.
from collections import Counter, OrderedDict, defaultdict

seen = OrderedDict.fromkeys("mississippi")
print("".join(seen), type(seen).__name__)
seen.move_to_end("m")
print(list(seen))
print(seen.fromkeys([3, 1, 2], "x"))

slots = defaultdict.fromkeys(["mon", "tue"], 0)
print(slots, slots.default_factory)
print(defaultdict(list).fromkeys("ab"))

print(dict.fromkeys(range(3)), {}.fromkeys("ab", 1))
for make in (lambda: Counter.fromkeys("abc"), lambda: Counter("x").fromkeys("abc", 1)):
    try:
        make()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
