# HOT: string building, slicing, joining in loops
s = ""
for i in range(6000):
    s += chr(97 + i % 26)
print(len(s), s[:30], s.count("abc"))
parts = []
for i in range(8000):
    parts.append(str(i % 97))
joined = ",".join(parts)
print(len(joined), joined[:40])
back = joined.split(",")
total = 0
for p in back:
    total += int(p)
print(len(back), total)
vowels = 0
for ch in s:
    if ch in "aeiou":
        vowels += 1
print(vowels)
rev = ""
for i in range(5000):
    rev = s[i % 26] + rev[:20]
print(rev)
words = []
for i in range(6000):
    w = "w" + str(i % 50)
    if i % 2 == 0:
        w = w.upper()
    words.append(w)
print(len(" ".join(words)), words[-4:], " ".join(words).count("W4"))
