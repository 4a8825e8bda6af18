# Dicts: insertion order, get/keys/values/items/pop, del, nesting
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(list(d.keys()), list(d.values()), list(d.items()))
d["a"] = 10
print(d)
print(d.pop("b"), d)
print(d.pop("zz", "default"), d)
del d["a"]
print(d)
d["a"] = 1
print(d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
for v in d.values():
    print(v, end=" ")
print()
for k in d.keys():
    print(k, end=" ")
print()
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
inv = {}
for k, v in counts.items():
    if v in inv:
        inv[v].append(k)
    else:
        inv[v] = [k]
print(inv)
e = dict()
e[(1, 2)] = "tuple key"
e[3] = "int key"
e[2.5] = "float key"
e[None] = "none key"
e[-7] = "negative"
e[2 ** 80] = "big"
print(e, e[(1, 2)], e[3], e[None], e[2 ** 80])
f = dict([("x", 1), ("y", 2), ("x", 3)])
print(f)
print("x" in f, "q" in f, "q" not in f, 1 in f)
print(sum(counts.values()), max(counts.values()), sorted(counts.keys()), sorted(counts))
nested = {"list": [1, 2], "dict": {"inner": True}, "tuple": (1,)}
nested["list"].append(3)
nested["dict"]["new"] = None
print(nested)
print({}, dict(), len({}), {"k": {}})
keys = list(counts)
print(keys)
d2 = {}
d2[1] = "one"
d2[2] = "two"
print(d2[1] + d2[2], d2)
squares = {}
for i in range(10):
    squares[i] = i * i
print(squares)
for i in range(0, 10, 2):
    del squares[i]
print(squares, len(squares))
squares[0] = "zero"
print(list(squares.items())[-1], list(squares)[0])
merged = {}
for src in [{"a": 1, "b": 2}, {"b": 3, "c": 4}]:
    for k, v in src.items():
        merged[k] = v
print(merged)
popped = []
while len(merged) > 0:
    k = list(merged.keys())[0]
    popped.append(merged.pop(k))
print(popped, merged)
text = {"日本": "Japan", "héllo": 5}
print(text, text["日本"])
dd = {"x": 1}
same = dd
same["y"] = 2
print(dd, dd == {"y": 2, "x": 1}, dd == {"x": 1})
print(dict([(i, str(i)) for i in range(3)]), list(dict([("b", 1), ("a", 2)])))
cnt = {"a": 0}
cnt["a"] += 5
cnt["a"] -= 1
print(cnt, cnt.get("a") * 2)
