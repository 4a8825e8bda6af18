# TypeError: a key that is not callable


words = ["b", "a", "c"]
print(sorted(words, key=str.upper))
print(sorted(words, key=len(words)))
