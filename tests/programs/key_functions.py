# Key functions: sorted, min, max and list.sort with Python functions and
# lambdas as keys; stability, reverse, tuple keys, keys that look things up, and
# how often the key is called.

people = [
    ("ada", 36, "london"),
    ("grace", 45, "new york"),
    ("linus", 28, "helsinki"),
    ("guido", 45, "amsterdam"),
    ("barbara", 28, "boston"),
    ("ken", 36, "berkeley"),
]

print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True)[:3])
print([p[0] for p in sorted(people, key=lambda p: len(p[0]))])
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(min(people, key=lambda p: (p[1], p[0]))[0], max(people, key=lambda p: (p[1], p[0]))[0])


def last_word(s):
    return s.split()[-1].lower()


titles = ["The Name of the Wind", "a Tale of two Cities", "Dune", "the Stand", "Moby Dick"]
print(sorted(titles, key=last_word))
print(sorted(titles, key=str.lower), sorted(titles, key=len, reverse=True))

# Stability: equal keys keep their order, also when reversed.
words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1])
print(words)

# Keys that count how often they are called (once per item).
calls = 0


def counting_key(x):
    global calls
    calls += 1
    return x % 7


data = [(i * 37) % 50 for i in range(40)]
print(sorted(data, key=counting_key)[:10], calls)
calls = 0
print(max(data, key=counting_key), min(data, key=counting_key), calls)

# A key from a dictionary: ranking by a score table.
scores = {"red": 3, "green": 1, "blue": 2, "black": 0}
colours = list(scores)
print(sorted(colours, key=scores.get), max(colours, key=scores.get))
print(sorted(colours, key=lambda c: scores[c] % 2 == 0))

# min/max with default, several arguments, and a key.
print(max([], key=abs, default="empty"), min(-3, 2, -1, key=abs), max("b", "aa", "ccc", key=len))


# A closure building keys from field names.
def by(*fields, descending=False):
    def key(record):
        k = tuple([record[f] for f in fields])
        return k
    return key, descending


records = [{"name": "x", "age": 3, "score": 9.5}, {"name": "y", "age": 1, "score": 9.5},
           {"name": "z", "age": 2, "score": 7.25}]
key, desc = by("score", "age")
print([r["name"] for r in sorted(records, key=key, reverse=desc)])
key, desc = by("age", descending=True)
print([r["name"] for r in sorted(records, key=key, reverse=desc)])

# A list sorted in place by a key that reads other lists.
order = [2, 0, 1, 3]
labels = ["c", "a", "b", "d"]
idx = list(range(4))
idx.sort(key=lambda i: labels[i])
print(idx, [labels[i] for i in idx], sorted(range(4), key=order.index))

# Sorting lists of lists by several keys in turn (stable sorts compose).
rows = [[3, "b"], [1, "a"], [2, "b"], [1, "b"], [3, "a"]]
rows.sort(key=lambda r: r[0])
rows.sort(key=lambda r: r[1])
print(rows)
