# Encoding text the codec cannot represent.
names = ["Anna", "Zoë"]
for n in names:
    print(n.encode("ascii"))
