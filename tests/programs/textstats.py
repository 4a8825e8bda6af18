# Small text statistics, used as a module by modules_own.py and runnable on its own.

VOWELS = "aeiou"
calls = 0


def word_counts(text):
    global calls
    calls += 1
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,;:!?")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def vowel_ratio(word):
    if not word:
        return 0.0
    hits = 0
    for c in word:
        if c in VOWELS:
            hits += 1
    return hits / len(word)


def top(counts, n=3):
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def check_positive(n):
    if n <= 0:
        raise ValueError(f"expected a positive count, got {n}")
    return n


if __name__ == "__main__":
    sample = "the cat and the hat; the end."
    print(top(word_counts(sample)))
    print(round(vowel_ratio("education"), 3))
else:
    print("textstats imported as", __name__)
