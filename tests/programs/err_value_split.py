# ValueError: empty separator
s = "a,b,c"
print(s.split(","), s.split(",", 1))
sep = ""
print(s.split(sep))
print("not reached")
