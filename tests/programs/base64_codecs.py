# base64 and binascii: standard, urlsafe and altchars alphabets, lenient and validated
# decoding with CPython's binascii.Error messages, Base16, encodebytes, hexlify, crc32
import base64
import binascii

for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), "héllo wörld".encode("utf-8")]:
    enc = base64.b64encode(data)
    print(enc[:60], base64.b64decode(enc) == data, base64.urlsafe_b64encode(data)[:60], base64.b16encode(data[:8]))
print(base64.b64encode(b"\xfb\xff\xfe", altchars=b"-_"), base64.urlsafe_b64decode("-__-"), base64.urlsafe_b64decode(b"-__-"))
print(base64.b64decode("aGVsbG8gd29ybGQ="), base64.b64decode(b"aGVs\nbG8g d29y bGQ="), base64.standard_b64decode("YQ=="))
print(base64.b64decode("YQ"[:2] + "=="), base64.b64decode("YWJj"), base64.b64decode("YW=Jj"), base64.b64decode("YQ===extra"))
print(base64.b16decode("DEADbeef", casefold=True), base64.encodebytes(bytes(range(100))), base64.decodebytes(b"AAEC\nAw==\n"))
print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"\x01\xab\xff", "-"), binascii.b2a_hex(b"xyz"), binascii.unhexlify("0aFF"), binascii.a2b_hex(b"6869"))
print(binascii.crc32(b"hello world"), binascii.crc32(b""), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.b2a_base64(b"hi"))
token = base64.urlsafe_b64encode("user:42:admin".encode()).decode("ascii")
print(token, base64.urlsafe_b64decode(token).decode().split(":"))
for bad in ["YQ", "Y", "YWJjZ", "abc=d"]:
    try:
        print(base64.b64decode(bad))
    except binascii.Error as e:
        print("Error:", e)
for bad, validate in [("YW Jj", True), ("YWJj", True), ("=YWJj", True), ("YQ==YQ==", True), ("YQ=a", True)]:
    try:
        print(base64.b64decode(bad, validate=validate))
    except binascii.Error as e:
        print("Error:", e)
for f, arg in [(base64.b64encode, "text"), (base64.b64decode, 5), (base64.b64decode, "é"), (binascii.unhexlify, "abc"), (binascii.unhexlify, "zz"), (base64.b16decode, "ab")]:
    try:
        print(f(arg))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError))
import binascii
for sep, n in [("-", 1), (":", 2), (":", -2), (" ", 3), ("_", -3), (".", 5)]:
    print(binascii.hexlify(bytes(range(1, 8)), sep, n), binascii.hexlify(b"\xab", sep, n))
