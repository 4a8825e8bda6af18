# Benchmark: string and dict workload (splitting, word counting, joining)
words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit",
         "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore",
         "magna", "aliqua", "enim", "ad", "minim", "veniam", "quis", "nostrud"]
lines = []
seed = 7
for i in range(64000):
    parts = []
    for j in range(12):
        seed = (seed * 1103515245 + 12345) % 2147483648
        parts.append(words[(seed >> 8) % len(words)])
    lines.append(" ".join(parts))
text = "\n".join(lines)
counts = {}
for line in text.split("\n"):
    for w in line.split(" "):
        counts[w] = counts.get(w, 0) + 1
pairs = {}
for line in lines[:24000]:
    ws = line.split()
    for k in range(len(ws) - 1):
        key = ws[k] + "_" + ws[k + 1]
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
ranked = sorted([(c, w) for w, c in counts.items()], reverse=True)
print(ranked[:5])
print(len(counts), sum(counts.values()), len(pairs), max(pairs.values()))
upper = []
for w, c in counts.items():
    upper.append(w.upper() + "=" + str(c))
summary = ";".join(sorted(upper))
print(len(summary), summary[:60])
check = 0
for ch in text[:1200000]:
    check = (check * 31 + ord(ch)) % 1000000007
print(check, text.count("lorem ipsum"), text.find("magna aliqua"))
