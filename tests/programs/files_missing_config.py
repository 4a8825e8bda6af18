# A config loader that reports a missing file the way the interpreter does: the
# FileNotFoundError goes uncaught.
import os


def load(path):
    settings = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


print("loading")
print(load(os.path.join("no_such_directory_here", "settings.ini")))
