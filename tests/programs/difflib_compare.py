"""difflib: a spelling helper (get_close_matches), SequenceMatcher's blocks, opcodes and
ratios, and ndiff's line diff with its guide lines."""
import difflib

commands = ["status", "commit", "checkout", "branch", "merge", "rebase", "stash", "remote", "fetch", "pull", "push"]
for typo in ["comit", "chekout", "brnch", "psuh", "xyz", "stats", "remot"]:
    print(typo, "->", difflib.get_close_matches(typo, commands), difflib.get_close_matches(typo, commands, n=1, cutoff=0.3))

m = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(m.get_matching_blocks())
print(m.get_opcodes())
print(round(m.ratio(), 6), round(m.quick_ratio(), 6), round(m.real_quick_ratio(), 6))
m = difflib.SequenceMatcher(lambda c: c == " ", "the quick brown fox", "the quick red fox jumps")
print(m.find_longest_match(0, 19, 0, 23), m.ratio())
for tag, i1, i2, j1, j2 in m.get_opcodes():
    print("%7s a[%d:%d] (%r) b[%d:%d] (%r)" % (tag, i1, i2, m.a[i1:i2], j1, j2, m.b[j1:j2]))
long_a = [i % 7 for i in range(300)]
long_b = [i % 5 for i in range(300)]
m = difflib.SequenceMatcher(None, long_a, long_b)
print(len(m.get_matching_blocks()), round(m.ratio(), 6), sorted(m.bpopular))
print(difflib.SequenceMatcher(None, [1, 2, 3, 4], [1, 2, 4, 5], autojunk=False).get_opcodes())

before = """one
two
three
four
five, with a tab\there
""".splitlines(keepends=True)
after = """zero
one
tree
four
five, with a tab\tthere
six
""".splitlines(keepends=True)
print("".join(difflib.ndiff(before, after)), end="")
print("\n".join(difflib.ndiff(["apple pie", "banana split"], ["apple pies", "cherry tart"])))
d = difflib.Differ()
print(list(d.compare(["a\n", "b\n"], ["a\n", "c\n", "b\n"])))
print(difflib.IS_LINE_JUNK("  # \n"), difflib.IS_LINE_JUNK("x"), difflib.IS_CHARACTER_JUNK(" "), difflib.IS_CHARACTER_JUNK("x"))
