# Values proven to be ints, floats or bools skip reference counting in traces; heap
# values in the same loop keep it. Afterwards the same names hold heap values.
scale = 0.5
acc = 0.0
names = ["a", "b", "c"]
for i in range(3000):
    acc = acc + (i + 0.25) * scale
    label = names[i % 3]
print(acc, label)


def work(n, step):
    total = 0.0
    count = 0
    words = []
    for k in range(n):
        total = total + k * step
        count += 1
        words.append("w")
    return total, count, len(words)


print(work(2000, 1.5))
acc = "now a string"
scale = [1, 2]
print(acc, scale, work(3, "x" == "y"))
