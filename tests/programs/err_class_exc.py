# A user exception raised from __init__ deep in a call chain, uncaught: the traceback
# names the class and every frame, __init__ included.


class ConfigError(Exception):
    pass


class MissingKey(ConfigError):
    def __init__(self, key, where):
        super().__init__(f"missing key {key!r} in {where}")
        self.key = key


class Config:
    def __init__(self, data, name):
        self.name = name
        self.port = self.require(data, "port")

    def require(self, data, key):
        if key not in data:
            raise MissingKey(key, self.name)
        return data[key]


def load(entries):
    out = []
    for n, d in entries:
        out.append(Config(d, n))
    return out


try:
    load([("a", {})])
except ConfigError as e:
    print("caught:", e, e.key)
print(load([("web", {"port": 80})])[0].port)
load([("web", {"port": 80}), ("db", {"host": "x"})])
