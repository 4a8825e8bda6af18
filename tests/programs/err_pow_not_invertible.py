# A modular inverse that does not exist, met deep in a loop: CPython's ValueError.
def inverses(m):
    out = []
    for a in range(1, m):
        out.append(pow(a, -1, m))
    return out


print(sum(inverses(101)))
print(sum(inverses(100)))
