# A text workload: word counts, joins, splits, formatting
text = "It was the best of times, it was the worst of times,\n"
text = text + "it was the age of wisdom, it was the age of foolishness,\n"
text = text + "it was the epoch of belief, it was the epoch of incredulity"
lines = text.split("\n")
print(len(lines), [len(l) for l in lines])
words = []
for line in lines:
    for w in line.split():
        words.append(w.strip().replace(",", "").lower())
print(len(words), words[:6])
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
top = []
for w, c in freq.items():
    top.append((c, w))
top.sort(reverse=True)
print(top[:5])
for c, w in top[:5]:
    print(f"{w:>8}: {c:3d} {c / len(words):6.2%}")
longest = ""
for w in freq:
    if len(w) > len(longest):
        longest = w
print(longest, len(longest))
acronym = "".join([w[0].upper() for w in "portable network graphics".split()])
print(acronym)
title = " ".join([w[0].upper() + w[1:] for w in lines[0].split()])
print(title)
print(text.count("it was"), text.find("wisdom"), text.lower().count("it was"))
print(text.replace("it was", "IT WAS").split("\n")[1])
vowels = 0
consonants = 0
for ch in text.lower():
    if ch in "aeiou":
        vowels += 1
    elif "a" <= ch <= "z":
        consonants += 1
print(vowels, consonants)
csv_rows = [",".join([w, str(c)]) for c, w in top[:3]]
print("\n".join(csv_rows))
parsed = [row.split(",") for row in csv_rows]
print(parsed, sum([int(r[1]) for r in parsed]))
kv = "a=1;b=22;c=333"
conf = {}
for part in kv.split(";"):
    k, v = part.split("=")
    conf[k] = int(v)
print(conf)
