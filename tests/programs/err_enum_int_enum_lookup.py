from enum import IntEnum


class Port(IntEnum):
    HTTP = 80
    HTTPS = 443


for p in (80, 443):
    print(Port(p), repr(Port(p)), Port(p) + 1)
print(Port(8080))
