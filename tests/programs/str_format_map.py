from collections import defaultdict


class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"


print("{name:^10}|{n:08.3f}".format_map({"name": "pi", "n": 3.14159}))
print("Hello {name}, you owe {amount:.2f} ({unknown})".format_map(Default(name="Ann", amount=12.5)))
print("{a[0]}-{b.real}".format_map({"a": [7], "b": 2}))
print("{x}{y}".format_map(defaultdict(str, x="only")))
for bad in ["{}", "{0}", "{missing}"]:
    try:
        bad.format_map({})
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
