class Word(str):
    def __new__(cls, text, line):
        w = super().__new__(cls, text)
        w.line = line
        return w


words = [Word(t, n + 1) for n, t in enumerate("alpha beta gamma".split())]
for w in words:
    print(w, w.line, w.upper())
print(words[0].column)
