# Word and letter statistics over a small text, with Counter, defaultdict and OrderedDict.
from collections import Counter, defaultdict, OrderedDict

TEXT = ("It was the best of times, it was the worst of times, it was the age of\n"
        "wisdom, it was the age of foolishness, it was the epoch of belief, it was the\n"
        "epoch of incredulity, it was the season of Light, it was the season of Darkness.")


def words(text):
    out = []
    for raw in text.split():
        w = raw.replace(",", "").replace(".", "").lower()
        if w:
            out.append(w)
    return out


ws = words(TEXT)
counts = Counter(ws)
print("distinct words:", len(counts))
print("top 5:", counts.most_common(5))
print("'was' appears", counts["was"], "times; 'dickens'", counts["dickens"], "times")
print(counts.most_common(3)[-1])

letters = Counter()
for w in ws:
    letters.update(w)
print("letters:", letters.most_common(6))
print("total letters:", letters.total(), sum([len(w) for w in ws]))

# Group words by their first letter and by length.
by_first = defaultdict(list)
by_len = defaultdict(int)
for w in ws:
    if w not in by_first[w[0]]:
        by_first[w[0]].append(w)
    by_len[len(w)] += 1
for k in sorted(by_first):
    print(k, by_first[k])
print(sorted(by_len.items()))
print(by_len)
print(isinstance(by_len, dict), len(by_first), "z" in by_first)

# Counter arithmetic: what one half of the text has more of than the other.
half = len(ws) // 2
first, second = Counter(ws[:half]), Counter(ws[half:])
print("first - second:", first - second)
print("combined top:", (first + second).most_common(2))
second.subtract(["season", "season", "light"])
print(second)
print(sorted(Counter("abracadabra").elements()))
print(Counter({"x": 1, "y": 3, "z": 3}))
print(Counter(), Counter(a=2, b=0))

# An OrderedDict as a small recently-used list.
recent = OrderedDict()
for w in ws[:12]:
    if w in recent:
        recent.move_to_end(w)
    recent[w] = recent.get(w, 0) + 1
    if len(recent) > 4:
        print("evict", recent.popitem(last=False))
print(recent)
recent.move_to_end("of", last=False)
print(list(recent), recent.popitem())
