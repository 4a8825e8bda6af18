# A tokenizer over text with lone surrogates (left by a lossy decode): hot loops
# that index, compare, slice and build strings holding them.
MARK = "\udcfe"
text = ("word" + MARK + "x\ud800y ") * 1500

counts = {}
current = ""
marks = 0
for i in range(len(text)):
    ch = text[i]
    if ch == MARK:
        marks += 1
    if ch == " ":
        counts[current] = counts.get(current, 0) + 1
        current = ""
    else:
        current = current + ch
print(marks, len(counts), [(repr(k), v) for k, v in counts.items()])

lows = 0
highs = 0
for ch in text:
    if "\udc00" <= ch <= "\udfff":
        lows += 1
    elif "\ud800" <= ch < "\udc00":
        highs += 1
print(lows, highs)

pieces = []
n = 0
while n < 6000:
    pieces.append(text[n:n + 3])
    n += 3
joined = "".join(pieces)
print(joined == text[:6000], len(joined), repr(joined[:12]))
print(len(set(pieces)), repr(min(pieces)), repr(max(pieces)))
