# sys.path and sys.modules are the import system's own state: a directory put on
# sys.path is searched, sys.modules holds every module (the main one too), and
# entries the program adds, replaces or removes change what `import` finds.
import os
import sys
import types

here = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == here, type(sys.path).__name__, type(sys.modules).__name__)
sys.path.insert(0, os.path.join(here, "plugins"))
import plugin_shapes
from plugin_shapes import REGISTRY
print(sorted(REGISTRY), REGISTRY["square"](4).side)
print(sys.path[0].endswith("plugins"), "plugin_shapes" in sys.modules)
print(id(sys.modules["plugin_shapes"]) == id(plugin_shapes), "sys" in sys.modules, "os" in sys.modules)

main = sys.modules["__main__"]
print(main.here == here, id(sys.modules[__name__]) == id(main), main.__name__)
setattr(main, "added_later", 7)
print(added_later, id(getattr(main, "plugin_shapes")) == id(plugin_shapes))
delattr(main, "added_later")
try:
    print(added_later)
except NameError as e:
    print("NameError:", e)

fake = types.ModuleType("fake_config", "settings made at run time")
fake.DEBUG = True
fake.LEVEL = 3
sys.modules["fake_config"] = fake
import fake_config
from fake_config import LEVEL
print(id(fake_config) == id(fake), fake_config.DEBUG, LEVEL, fake_config.__doc__, fake_config.__name__)
print(sorted(k for k in vars(fake_config) if not k.startswith("__")))

sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)

del sys.modules["plugin_shapes"]
import plugin_shapes as again
print(id(again) == id(plugin_shapes), again.Square(3).side)

try:
    import not_on_any_path_xyz
except ModuleNotFoundError as e:
    print(e)
try:
    types.ModuleType(3)
except TypeError as e:
    print(e)
try:
    del fake.missing
except AttributeError as e:
    print(e)
