# A lazy settings object: unknown names fall through __getattr__ to an AttributeError.


class Settings:
    defaults = {"retries": 3, "timeout": 2.5}

    def __init__(self, **overrides):
        self.overrides = overrides

    def __getattr__(self, name):
        if name in self.overrides:
            return self.overrides[name]
        if name in Settings.defaults:
            return Settings.defaults[name]
        raise AttributeError(f"'Settings' object has no attribute '{name}'")


s = Settings(retries=5)
print(s.retries, s.timeout, getattr(s, "verbose", False))
print(s.verbose)
