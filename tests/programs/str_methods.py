# String methods: join split strip upper lower startswith endswith replace find count
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.upper()), repr(s.lower()))
t = s.strip()
print(t.startswith("Hello"), t.startswith("World"), t.endswith("!"), t.endswith("World"))
print(t.replace("l", "L"), t.replace("World", "There"), t.replace("xyz", "abc"))
print(t.find("o"), t.find("World"), t.find("xyz"), t.find(""), t.count("l"), t.count("o"), t.count("xyz"))
print("a,b,,c".split(","), "a b  c\t d\n".split(), "  lead trail  ".split(), "".split(), "".split(","))
print("k=v=w".split("=", 1), "a b c d".split(" ", 2), "a,b,c".split(",", 0), "x--y--z".split("--"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), " ".join(["solo"]))
print(repr("  \t pad \n".strip()), repr("   ".strip()), repr("".strip()))
print("MiXeD 123 éÉ".upper(), "MiXeD 123 ÉÀ".lower())
print("hello".startswith(""), "hello".endswith("lo"), "hi".startswith("hello"), "".endswith(""))
csv = "name,age,city\nann,31,oslo\nbob,27,rome"
rows = []
for line in csv.split("\n"):
    rows.append(line.split(","))
print(rows)
print(" | ".join([r[0].upper() for r in rows]))
print("banana".find("na"), "banana".count("na"), "banana".count("a"), "banana".replace("na", ""))
print("日本語テキスト".find("テ"), "日本語".replace("本", "-"), "ÅÄÖ".lower(), "aaaa".count("aa"))
print("abc".replace("", "-"), "abc".count(""), "abcabc".find("c"), "hello".find("l"))
sentence = "the quick brown fox jumps over the lazy dog"
words = sentence.split()
print(len(words), words[2], "_".join(words[:3]), sentence.count("the"), sentence.find("fox"))
caps = []
for w in words:
    caps.append(w[0].upper() + w[1:])
print(" ".join(caps))
path = "/usr/local/bin/python3"
parts = path.split("/")
print(parts, parts[-1], "/".join(parts[:-1]))
print("1 2 3".split(" "), " 1  2 ".split(" "), "a\nb\n".split("\n"))
n = "12,345,678"
print(int("".join(n.split(","))) + 1, n.replace(",", "_"))
print("Hello".upper().lower().startswith("he"), "x".join(["1", "2", "3"]).split("x"))
