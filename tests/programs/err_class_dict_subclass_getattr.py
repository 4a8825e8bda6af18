class Settings(dict):
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]


s = Settings(width=80, height=24)
print(s.width * s.height, s.get("depth", 0))
print(s.depth)
