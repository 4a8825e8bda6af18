# Everyday bytes: literals, reprs, operators, searching and splitting.
header = b"GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\n"
print(header)
print(len(header), header[0], header[-1], header[:3], type(header[:3]) is bytes)
request_line = header.split(b"\r\n")[0]
method, path, version = request_line.split(b" ")
print(method, path, version)
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), b"\x00\x7f\x80\xff", rb"raw\n" b"!")
print(b"abc" == bytearray(b"abc"), b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"" == b"")
print(b"ab" + b"cd", b"-" * 5, 3 * b"xy", bool(b""), bool(b"\x00"))
data = b"the quick brown fox jumps over the lazy dog"
print(data.count(b"o"), data.find(b"fox"), data.rfind(b"the"), data.find(b"cat"), data.index(b"lazy"))
print(ord("q") in data, b"brown" in data, b"green" in data, 0 in data)
print(data.split(), data.split(b" ", 2), data.rsplit(b" ", 1))
print(data.upper(), data.startswith(b"the"), data.endswith(b"dog"), data.replace(b"the", b"a"))
print(b"  padded \t\n".strip(), b"xxhixx".strip(b"x"), b"..a..".lstrip(b"."), b"..a..".rstrip(b"."))
print(b",".join([b"a", b"b", bytearray(b"c")]), b"line1\nline2\r\nline3".splitlines())
print(b"42".zfill(5), b"-7".zfill(4), b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4))
print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"".isdigit())
print(list(b"hi"), sorted(b"dcba"), sum(b"\x01\x02\x03"), max(b"azm"), min(b"azm"), list(reversed(b"abc")))
print(str(b"x"), f"{b'fmt'}", [b"in", b"a", b"list"], (b"tuple",), {b"k": b"v"})
counts = {}
for word in data.split():
    counts[word[:1]] = counts.get(word[:1], 0) + 1
print(sorted(counts.items()))
print({b"a", b"b", b"a"} == {b"b", b"a"}, hash(b"abc") == hash(b"ab" + b"c"))
print(isinstance(data, bytes), isinstance(data, str), type(bytearray()) is bytearray, type(b"") is bytes)
print(bytes(), bytes(4), bytes([104, 105]), bytes(range(65, 70)), bytes(b"copy"), bytes("é", "utf-8"))
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray("hi", "ascii"), bytearray([1, 2]))
print(bytes.fromhex("de ad be ef"), b"\x01\xab".hex(), bytearray.fromhex("00ff"))
print(b"abcdef"[1:5:2], b"abcdef"[::-1], b"abcdef"[-2:], b"abc"[10:], ord(b"A"), chr(b"A"[0]))
for i, byte in enumerate(b"AZ"):
    print(i, byte, chr(byte))
