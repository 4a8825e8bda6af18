# ZeroDivisionError raised in a key function called by sorted


def ratio(pair):
    num, den = pair
    return num / den


pairs = [(1, 2), (3, 4), (5, 0), (7, 8)]
print(sorted(pairs[:2], key=ratio))
print(sorted(pairs, key=ratio))
