# Pulling fields out of a match by a name the pattern does not define.
import re

m = re.match(r"(?P<key>\w+)\s*=\s*(?P<value>.*)", "timeout = 30s")
print(m.group("key"), m.group("value"), m["value"])
print(re.sub(r"(?P<key>\w+)=", r"\g<key>:", "a=1 b=2"))
try:
    re.sub(r"(\w+)=", r"\2:", "a=1")
except re.error as e:
    print("template:", e)
print(m.group("unit"))
