# Basic string operations, non-ASCII text
s = "hello"
t = 'world'
print(s + " " + t, s * 3, 3 * "ab", "-" * 10, "" * 5, "x" * 0, "ab" * -1)
print(len(s), len(""), len("héllo"), len("日本語"), s[0], s[-1], s[1], t[-2])
print("héllo"[1], "日本"[0], "日本"[-1], ord("é"), chr(26085), chr(65) + chr(97))
u = "héllo wörld 日本"
print(u, u.upper(), len(u), u[6:11])
print("abc" == "abc", "abc" != "abd", "a" + "b" == "ab", "abc" < "abd")
acc = ""
for ch in "stitch":
    acc = ch + acc
print(acc)
print(str(42) + str(-3.5) + str(True) + str(None) + str([1, "a"]))
print("a\tb", "line1\nline2", "back\\slash", 'single\'quote', "double\"quote")
print(len("a\tb\n"), "tab\there", len("\\"))
print(f"{s}-{t}", f"{len(s) * 2}", f"{s!r}")
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print(count, "mississippi".count("ss"), "mississippi".find("ssi"))
letters = []
for ch in "日本語":
    letters.append(ch)
print(letters, "".join(letters) == "日本語")
emoji = "a😀b"
print(emoji, len(emoji), emoji[1], ord(emoji[1]))
print("ab" in "cabd", "x" in "", "" in "", "日本" in "日本語")
word = "racecar"
print(word == word[::-1], "abc" + str(1 + 2) + "def")
lines = "first\nsecond\nthird"
print(lines)
print(len(lines.split("\n")))
print("a" < "b" < "c", "apple" < "apples", "B" < "a")
