# String processing as scripts do it: generate paragraphs of pseudo-English from a
# word list, then normalise (strip, lower, replace punctuation), split and count
# words, build a report with str.format, % and f-strings with width/alignment
# specs, wrap text to a column with a hand-written greedy wrapper, justify lines,
# make title case and acronyms, run-length encode, and a Caesar cipher via
# str.translate. Prints checksums of everything and a few sample lines.

SEED = 99


def rand(n):
    global SEED
    SEED = (SEED * 69069 + 1) % 4294967296
    return (SEED >> 16) % n


WORDS = ("the of and a to in is you that it he was for on are as with his they I at be "
         "this have from or one had by word but not what all were we when your can said "
         "there use an each which she do how their if will up other about out many then "
         "them these so some her would make like him into time has look two more write go "
         "see number no way could people my than first water been call who oil its now "
         "find long down day did get come made may part").split()
PUNCT = [",", ",", ".", ";", "!", "?", ":"]


def make_paragraph(n_sentences):
    sentences = []
    for _ in range(n_sentences):
        words = [WORDS[rand(len(WORDS))] for _ in range(4 + rand(12))]
        if rand(4) == 0:
            words.insert(rand(len(words)), "'%s'" % WORDS[rand(len(WORDS))])
        text = " ".join(words)
        sentences.append(text[0].upper() + text[1:] + PUNCT[rand(len(PUNCT))])
    return "  " + " ".join(sentences) + "  \n"


def normalise(text):
    t = text.strip().lower()
    for p in ",.;!?:'":
        t = t.replace(p, " ")
    return t


def word_counts(paragraphs):
    counts = {}
    for para in paragraphs:
        for w in normalise(para).split():
            counts[w] = counts.get(w, 0) + 1
    return counts


def wrap(text, width):
    lines = []
    line = []
    length = 0
    for w in text.split():
        if line and length + 1 + len(w) > width:
            lines.append(" ".join(line))
            line = [w]
            length = len(w)
        else:
            length += len(w) + (1 if line else 0)
            line.append(w)
    if line:
        lines.append(" ".join(line))
    return lines


def justify(line, width):
    words = line.split(" ")
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    each, extra = divmod(spaces, gaps)
    parts = []
    for i, w in enumerate(words[:-1]):
        parts.append(w + " " * (each + (1 if i < extra else 0)))
    parts.append(words[-1])
    return "".join(parts)


def rle(s):
    out = []
    i = 0
    n = len(s)
    while i < n:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}" if j - i > 1 else s[i])
        i = j
    return "".join(out)


def caesar_table(shift):
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    src = lower + upper
    dst = lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift]
    return str.maketrans(src, dst)


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def report(counts, top):
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    total = sum(counts.values())
    lines = ["{:<10}|{:>7}|{:>8}".format("word", "count", "share")]
    lines.append("-" * 27)
    for word, c in rows:
        lines.append(f"{word:<10}|{c:>7,}|{c / total:>8.3%}")
    lines.append("%-10s|%7d|%8s" % ("total", total, "100%"))
    return lines


def main():
    paragraphs = [make_paragraph(6 + rand(8)) for _ in range(3500)]
    counts = word_counts(paragraphs)
    print("distinct words", len(counts), "total", sum(counts.values()))
    for line in report(counts, 8):
        print(line)

    text = " ".join(p.strip() for p in paragraphs)
    wrapped_sum = 0
    for width in (40, 60, 72, 100):
        lines = wrap(text, width)
        just = [justify(l, width) for l in lines[:-1]]
        wrapped_sum += sum(checksum(l) for l in just)
        assert all(len(l) == width for l in just)
        print(f"width {width:3d}: {len(lines):5d} lines, longest {max(len(l) for l in lines)}")
    print("wrapped checksum", wrapped_sum)
    print("sample |" + justify(wrap(text, 50)[3], 50) + "|")

    titled = [p.strip().title() for p in paragraphs[:300]]
    acronyms = ["".join(w[0] for w in t.split() if w[0].isupper()) for t in titled]
    print("acronym sample", acronyms[0][:20], "checksum", checksum("".join(acronyms)))

    runs = [rle(p.replace(" ", "").lower()) for p in paragraphs[:400]]
    print("rle total length", sum(len(r) for r in runs), "of", sum(len(p) for p in paragraphs[:400]))

    table = caesar_table(3)
    back = caesar_table(23)
    secret = [p.translate(table) for p in paragraphs[:500]]
    assert all(s.translate(back) == p for s, p in zip(secret, paragraphs))
    print("cipher sample", secret[0].strip()[:40])

    csv_lines = []
    for i, (w, c) in enumerate(sorted(counts.items())):
        csv_lines.append(",".join([str(i), w, str(c), w.upper(), w[::-1], str(len(w))]))
    csv = "\n".join(csv_lines)
    fields = [line.split(",") for line in csv.splitlines()]
    print("csv rows", len(fields), "palindromes", sum(1 for f in fields if f[1] == f[4]),
          "checksum", checksum(csv))
    kv = "; ".join("%s=%d" % (w, c) for w, c in sorted(counts.items())[:5])
    print("kv", kv)
    print("starts with th:", sum(1 for w in counts if w.startswith("th")),
          "ends with e:", sum(1 for w in counts if w.endswith("e")),
          "find 'ate':", sum(p.find("ate") >= 0 for p in paragraphs),
          "count 'the':", sum(p.count("the") for p in paragraphs))


main()
