# Regular expressions over non-ASCII text: positions count characters, \w and \d
# are Unicode's unless re.ASCII, case-insensitive matching folds non-ASCII letters.
import re

text = "Zoë bought 3 crème brûlées for €12 in Zürich — naïve? 東京で３個"
print(re.findall(r"\w+", text))
print(re.findall(r"\w+", text, re.ASCII))
print(re.findall(r"\d+", text), re.findall(r"\d+", text, re.A))
for m in re.finditer(r"[^\x00-\x7f]+", text):
    print(m.span(), m.group(), text[m.start():m.end()] == m.group())
m = re.search(r"€(\d+)", text)
print(m.start(), m.end(), m.span(1), m)
print(re.sub(r"[àâäéèêëïîôöùûüÿç]", lambda m: m.group().upper(), "crème brûlée à la française"))
print(re.findall(r"(?i)zürich|ZOË", text))
print(re.split(r"\s*—\s*", text))
print(re.sub(r"\b(\w)", lambda m: m.group(1).upper(), "élan vital über alles"))
words = "señor Ñandú niño"
print(re.findall(r"\b\w*ñ\w*\b", words, re.I))
print(re.fullmatch(r"\w+", "Ελληνικά"), re.fullmatch(r"[α-ω]+", "ελληνικα"))
print(re.compile("é+", re.I).findall("ÉéÉ x é"))
pos = re.compile(r"\d")
s = "ab№12ü3"
print(pos.search(s, 3), pos.search(s, 4), pos.findall(s, 2, 5), [m.span() for m in pos.finditer(s)])
print(re.match(r".", "😀x"), re.findall(r".", "a😀b"), len(re.sub(r"😀", "ab", "😀😀")))
print(re.findall(r"\s+", "a\u00a0b\u2003c\x1cd"), re.findall(r"\s+", "a\u00a0b\u2003c", re.A))
