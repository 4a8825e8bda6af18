# Hot loops over iterators with no specialization (str, tuple, dict views,
# enumerate, zip, reversed): traces follow them and leave when they are exhausted.
text = "stitch traces " * 40
vowels = 0
for ch in text:
    if ch in "aeiou":
        vowels += 1
print(vowels)

t = tuple(range(300))
s = 0
for x in t:
    s += x * x
print(s)

d = {}
for i in range(200):
    d["k" + str(i)] = i
total = 0
for k in d:
    total += len(k)
for v in d.values():
    total += v
for k, v in d.items():
    total += v - len(k)
print(total)

pairs = 0
for i, ch in enumerate("abcdefghij" * 30):
    pairs += i if ch == "c" else 0
print(pairs)

a = list(range(500))
b = [x * 2 for x in range(300)]
z = 0
for x, y in zip(a, b):
    z += x + y
for x, y, c in zip(a, b, "xyz" * 90):
    z += 1 if c == "y" else 0
print(z)

r = 0
for x in reversed(a):
    r = r * 3 + x
    r %= 1000003
for ch in reversed(text):
    r += ord(ch)
print(r)

# A list that shrinks under a reversed iterator: it ends there, as in CPython.
shrink = list(range(100))
seen = 0
for x in reversed(shrink):
    seen += 1
    if x % 10 == 0:
        shrink.pop()
        shrink.pop()
print(seen, len(shrink))

# Loops inside a function, nested, restarted many times.
def count_words(lines):
    n = 0
    for line in lines:
        for w in line.split(" "):
            if w:
                n += 1
    return n


lines = ("the quick brown fox " * 5, "jumps over", "", "the lazy dog")
print(count_words(lines * 50))
acc = 0
for rep in range(60):
    for k, v in {"a": 1, "b": 2, "c": rep}.items():
        acc += v
    for ch in "xyz":
        acc += ord(ch) - 120
print(acc)
