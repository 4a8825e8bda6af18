words = "a b c"
print(words.split())
print(words.uper())
