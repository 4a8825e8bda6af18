print(1 is 1)
if "a" is not "b": print("never" if 1 is 2 else "x")
