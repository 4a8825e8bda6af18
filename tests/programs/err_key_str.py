# KeyError with a str key
d = {"a": 1, "b": 2}
print(d["a"], d.get("x"), d.get("x", 0))
d.pop("a")
print(d)
print(d["x"])
print("not reached")
