# ValueError: invalid literal for int()
for s in ["12", "-3", "+7", "0042"]:
    print(int(s) * 2)
print(int("abc"))
print("not reached")
