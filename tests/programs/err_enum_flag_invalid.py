from enum import Flag, auto


class Feature(Flag):
    SEARCH = auto()
    EXPORT = auto()
    SHARE = auto()


enabled = Feature.SEARCH | Feature.SHARE
print(enabled, [f.name for f in enabled], Feature(5) == enabled)
try:
    Feature(9)
except ValueError as e:
    print("ValueError:", e)
print(enabled | 2)
