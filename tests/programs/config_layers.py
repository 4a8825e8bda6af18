# Configuration layering: built-in defaults, a site file, the user's file and the
# command line, looked up through one ChainMap; scopes for a template renderer.
from collections import ChainMap
import string

DEFAULTS = {"host": "localhost", "port": 8080, "debug": False, "theme": "light", "workers": 2}
SITE = {"host": "example.org", "workers": 8}
USER = {"theme": "dark"}


def parse_cli(argv):
    options = {}
    for arg in argv:
        key, _, value = arg.lstrip("-").partition("=")
        options[key] = value.isdigit() and int(value) or value or True
    return options


config = ChainMap(parse_cli(["--port=9000", "--debug"]), USER, SITE, DEFAULTS)
print(config)
print("len", len(config), "keys", list(config))
for key in sorted(config):
    layer = next(i for i, m in enumerate(config.maps) if key in m)
    print("  %-8s = %-12r from layer %d" % (key, config[key], layer))
print("get:", config.get("timeout"), config.get("timeout", 30), "theme" in config, "colour" in config)

# Changes go to the first layer only.
config["theme"] = "solarized"
del config["debug"]
print("after edits:", config.maps[0], config["theme"], config["debug"])
try:
    del config["host"]
except KeyError as e:
    print("KeyError:", e)
try:
    config["timeout"]
except KeyError as e:
    print("KeyError:", e)

# parents drops the command line; new_child adds a layer in front.
print("without cli:", dict(config.parents))
request = config.new_child({"workers": 1})
print("request:", request["workers"], request["port"], len(request.maps))
print("request child:", request.new_child(user="ann").maps[0])
print("views:", sorted(config.keys()), sorted(config.items())[:2], sorted(map(str, config.values())))
print("pop:", config.pop("port"), config.pop("port", "gone"))
print("equal:", ChainMap({"a": 1}, {"b": 2}) == {"a": 1, "b": 2}, ChainMap({"a": 1}) == ChainMap({"a": 2}))
print("or:", ChainMap({"a": 1}) | {"b": 2}, {"z": 0} | ChainMap({"a": 1}))
print("fromkeys:", ChainMap.fromkeys(["x", "y"], 0), "empty:", ChainMap(), bool(ChainMap({})))


class Scopes(ChainMap):
    """Template scopes: an unknown name renders as itself."""

    def __missing__(self, key):
        return "{" + key + "}"


scopes = Scopes({"name": "world"}, {"greeting": "hello"})
print(string.capwords(" ".join([scopes["greeting"], scopes["name"], scopes["unknown"]])))
inner = scopes.new_child({"name": "stitch"})
print(type(inner).__name__, inner["name"], inner.parents["name"], inner)
