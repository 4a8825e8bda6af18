# The walrus operator: reading chunks until a sentinel, filtering with a
# computed value kept for later, and binding from inside comprehensions.

def chunks(data, size):
    i = 0
    out = []
    while (chunk := data[i:i + size]):
        out.append(sum(chunk))
        i += size
    return out


print(chunks(list(range(17)), 5))


def expensive(x):
    return x * x - 10 * x


values = [y for x in range(12) if (y := expensive(x)) > 0]
print(values, y)

total = 0
if (n := len(values)) > 2:
    print("many values:", n)
print([last := v for v in range(4)], last)

counts = {}
for word in "the cat and the hat and the bat".split():
    if (c := counts.get(word)) is not None:
        counts[word] = c + 1
    else:
        counts[word] = 1
print(counts)


def first_long(words):
    if any([len(found := w) > 4 for w in words]):
        return found
    return None


print(first_long(["hi", "there", "friend"]), first_long(["a"]))
print((z := 3) * z, z)
