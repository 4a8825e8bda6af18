# A config printer: loads a nested service configuration and shows it with pprint at
# several widths, indents and orders, as an operator would inspect it.
import pprint

config = {
    "service": "inventory",
    "version": (3, 11, 4),
    "replicas": 3,
    "regions": ["eu-west-1", "us-east-1", "ap-southeast-2"],
    "limits": {"cpu": 2.5, "memory_mb": 4096, "burst": None, "ratio": 1e-05},
    "features": {"search", "export", "audit"},
    "frozen_flags": frozenset({"beta"}),
    "owners": [{"name": "ada", "roles": ["admin", "dev"]}, {"name": "grace", "roles": ("ops",)}],
    "banner": "Welcome to the inventory service. Please read the handbook before changing anything in production, thank you.",
    "empty": {"list": [], "dict": {}, "tuple": (), "set": set()},
    "single": (1,),
    "checksum": b"\x00\x01\x02\x03abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-padding",
    "big": 12345678901234567890,
    1: "int key",
    "matrix": [[i * j for j in range(8)] for i in range(6)],
}

pprint.pprint(config)
print("--- width=40, indent=2")
pprint.pprint(config["owners"], width=40, indent=2)
print("--- sort_dicts=False")
pprint.pprint({"z": 1, "a": [1, 2, 3] * 12, "m": {"y": 2, "b": 1}}, sort_dicts=False)
print("--- compact")
pprint.pprint(list(range(60)), compact=True, width=50)
print("--- depth=2")
pprint.pprint(config, depth=2, width=60)
print("--- pformat")
text = pprint.pformat(config["limits"], width=30)
print(text.splitlines())
print(pprint.pformat("short"), pprint.pformat([1, 2, 3]))
print(pprint.pformat(config["banner"], width=50))
print(pprint.pformat(bytearray(b"0123456789" * 4), width=30))
print(pprint.pformat(set(range(30)), width=40))
print(pprint.pformat(underscore_numbers=True, object=[10 ** 9, 2 ** 70]))
pprint.pp({"b": 2, "a": 1})
cyclic = [1, 2]
cyclic.append(cyclic)
print(pprint.saferepr(cyclic).startswith("[1, 2, <Recursion on list with id="))
print(pprint.isrecursive(cyclic), pprint.isreadable(cyclic), pprint.isreadable(config["limits"]))
printer = pprint.PrettyPrinter(width=20)
print(printer.pformat({"alpha": [1, 2, 3], "beta": "x" * 10}))
try:
    pprint.PrettyPrinter(indent=-1)
except ValueError as e:
    print("ValueError:", e)
