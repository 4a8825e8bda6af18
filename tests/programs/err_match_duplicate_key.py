# Mapping pattern keys read from attributes can turn out equal at run time.
class Keys:
    NAME = "name"
    LABEL = "name"


def title(record):
    match record:
        case {Keys.NAME: n, Keys.LABEL: l}:
            return n + l
    return "?"


print(title({"x": 1}))
print(title({"name": "a", "other": "b"}))
