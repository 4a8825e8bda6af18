# str() vs repr() of strings and containers holding strings
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr(""), repr("plain"))
print(str("it's"), str('say "hi"'), "both ' and \"")
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr("héllo"), repr("日本"))
print(["it's", 'say "hi"', "x"], ("a",), {"k'": "v\""})
print(repr(1), repr(1.5), repr(None), repr(True), repr([1, "2", 3.0]), repr((1,)))
print(str(1), str([1, "two"]), str(("a", "b")), str({"a": [1, (2, 3)]}))
x = "quote'd"
print(f"{x}", f"{x!r}", f"{x!s}", f"[{x!r:>12}]", f"[{x:<10}]")
print(repr(repr("a")), str(repr("a")), len(repr("ab")), repr(str(5)))
print(repr("\\n"), len("\\n"), repr("a'b\"c"), repr("'"), repr('"'))
print(["\n", "\t", "\\"], repr(["'", '"']))
print(repr("carriage\rreturn"), repr("日本'語"))
