from enum import IntEnum


class Port(IntEnum):
    HTTP = 80
    HTTPS = 443


for p in (80, 443):
    print(Port(p), repr(Port(p)), Port(p) + 1)
try:
    Port(8080)
except ValueError as e:
    print(e)
print(Port.HTTPS + ":" + str(Port.HTTP))
