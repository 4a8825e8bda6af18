pairs = [(1, 1), (1, 2)]
for p in pairs:
    match p:
        case (a, a):
            print("same")
