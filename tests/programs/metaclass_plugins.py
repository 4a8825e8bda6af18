# A plugin registry kept by a metaclass: `__new__` records each subclass under the
# key given as a class keyword, `__init__` finishes the class, methods and a property
# of the metaclass act on the classes, and `__init_subclass__` runs with the keywords.


class PluginMeta(type):
    registry = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        namespace.setdefault("priority", 0)
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if bases:
            key = kwargs.get("key", name.lower())
            if key in mcls.registry:
                raise ValueError("duplicate plugin " + key)
            mcls.registry[key] = cls
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)
        cls.hooks = []

    def create(cls, *args):
        return cls(*args)

    def ordered(cls):
        return sorted(cls.registry.values(), key=lambda c: (-c.priority, c.__name__))

    @property
    def title(cls):
        return cls.__name__.replace("Plugin", "").upper() or "BASE"


class Plugin(metaclass=PluginMeta):
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        print("subclass", cls.__name__, key)

    def __init__(self, source):
        self.source = source

    def run(self):
        return f"{type(self).__name__}({self.source})"


class CsvPlugin(Plugin, key="csv"):
    priority = 5

    def run(self):
        return "csv:" + self.source


class JsonPlugin(Plugin, key="json"):
    priority = 9


class XmlPlugin(JsonPlugin):
    pass


print(sorted(PluginMeta.registry))
print([c.__name__ for c in Plugin.ordered()])
print(type(CsvPlugin) is PluginMeta, type(Plugin).__name__, type(PluginMeta).__name__)
print(isinstance(XmlPlugin, PluginMeta), isinstance(XmlPlugin, type), isinstance(XmlPlugin("a"), PluginMeta))
print(issubclass(PluginMeta, type), issubclass(XmlPlugin, Plugin))
print(Plugin.title, CsvPlugin.title, XmlPlugin.priority, Plugin.priority)
print(CsvPlugin.create("data.csv").run(), PluginMeta.registry["xmlplugin"].create("x").run())
print(CsvPlugin.hooks is not JsonPlugin.hooks, CsvPlugin.__class__.__name__)
print(hasattr(CsvPlugin, "ordered"), hasattr(CsvPlugin("s"), "ordered"))

# A class made by calling the metaclass, as type(name, bases, ns) makes one.
Yaml = PluginMeta("Yaml", (Plugin,), {"priority": 1, "run": lambda self: "yaml!"})
print(Yaml.__name__, type(Yaml).__name__, Yaml("y").run(), sorted(PluginMeta.registry))

try:
    class Again(Plugin, key="csv"):
        pass
except ValueError as e:
    print("ValueError:", e)
print(sorted(PluginMeta.registry))

# Dispatch through the registry in a hot loop.
counts = {}
keys = ["csv", "json", "xmlplugin", "yaml"]
for i in range(2000):
    cls = PluginMeta.registry[keys[i % 4]]
    out = cls.create(str(i)).run()
    counts[cls.title] = counts.get(cls.title, 0) + len(out)
print(sorted(counts.items()))
