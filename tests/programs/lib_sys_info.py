# Version checks and float limits as portable scripts read them from sys.
import sys

if sys.version_info >= (3, 8):
    print("new enough:", sys.version_info[:2])
major, minor, *rest = sys.version_info
print(major, minor, rest, sys.version_info.major, sys.version_info.releaselevel)
print(sys.version_info)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.radix)
print(sys.float_info)
eps = 1.0
while 1.0 + eps / 2 != 1.0:
    eps /= 2
print(eps == sys.float_info.epsilon, sys.maxsize == 2 ** 63 - 1)
print(sys.byteorder, sys.maxunicode, chr(sys.maxunicode) == "\U0010ffff", hex(sys.hexversion)[:6])
print(sys.hexversion >> 24 == sys.version_info.major, (sys.hexversion >> 16) & 0xFF == sys.version_info.minor)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
key = sys.intern("".join(["ab", "cd"]))
print(key, key == "abcd", {key: 1}["abcd"])
