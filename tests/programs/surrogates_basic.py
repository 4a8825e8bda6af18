# Text that went through a lossy decoder keeps lone surrogates: a str holds any
# code point. Work with such strings without printing them raw.

HIGH = "\ud800"
LOW = chr(56448)


def describe(s):
    return f"{len(s)} {s!r} {[hex(ord(c)) for c in s]}"


print(describe(HIGH), describe(LOW))
print(ord(HIGH), ord("\udfff"), chr(55296) == HIGH)

# Each surrogate stays one code point: a high one followed by a low one is not
# the astral character they would encode in UTF-16.
pair = "\ud83d" + "\ude00"
print(len(pair), pair == "\U0001F600", repr(pair))

name = "caf\xe9" + LOW + "-menu"
print(describe(name))
print(repr(name[4]), repr(name[:4]), repr(name[3:5]), repr(name[5:]), repr(name[::2]), repr(name[::-1]))
print(LOW in name, "\xe9" + LOW in name, HIGH in name, "menu" in name)

# Surrogates sort between U+D7FF and U+E000.
words = ["\ue000x", "b", HIGH + "a", "\ud7ffz", LOW, "a\ud800"]
print([repr(w) for w in sorted(words)])
print(max(words) == "\ue000x", min(words) == "a\ud800", HIGH < LOW, HIGH > "\ud7ff")

# Dictionary keys and sets: equal strings hash alike however they were built.
seen = {}
for piece in [HIGH, "x", chr(55296), "x" + LOW, "x" + chr(56448), HIGH + HIGH]:
    seen[piece] = seen.get(piece, 0) + 1
for key in seen:
    print(repr(key), seen[key])
print(len({HIGH, chr(55296), HIGH * 2, HIGH + HIGH}))

# Building strings: joins, repetition, f-strings and concatenation in a loop.
parts = ["a", HIGH, "b", LOW]
joined = "+".join(parts)
print(repr(joined), len(joined), repr(HIGH.join(["x", "y", "z"])))
print(repr(LOW * 3), repr(f"[{HIGH}]{LOW}"), len(f"{joined}{joined}"))
acc = ""
for i in range(6):
    acc += HIGH if i % 2 else "o"
print(repr(acc), len(acc), acc[1::2] == HIGH * 3)
print(repr(str(HIGH)), str(LOW) == LOW, repr([HIGH, (LOW, "\ud800z")]), repr({HIGH: LOW}))

letters = []
for ch in "a\udc00\xe9\U0001F600" + HIGH:
    letters.append(repr(ch))
print(letters, len(letters))

# A slice without the surrogate is ordinary text again: every method works.
clean = name[:4]
print(clean.upper(), clean + "!", clean.startswith("caf"))
