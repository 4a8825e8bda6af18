# A loader that turns a JSON syntax error into the program's own error, naming
# where the file is broken; the broken config ends the program.
import json


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(f"config.json:{err.lineno}:{err.colno}: {err.msg}") from None


good = parse('{"retries": 3, "hosts": ["a", "b"]}')
print(good["retries"], good["hosts"])
parse('{\n  "retries": 3,\n  "hosts": ["a", "b",]\n}')
print("not reached")
