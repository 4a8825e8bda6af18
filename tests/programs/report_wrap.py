# A release-notes formatter: entries are wrapped into columns, bulleted, cut to a
# number of lines, and titled with string.capwords.
import string
import textwrap
from textwrap import TextWrapper, dedent, shorten

NOTES = [
    ("new features", "Added a command-line interface for the re-indexing job; "
     "the well-known long-running self-test is now opt-in."),
    ("bug fixes", "Fixed a crash when the configuration file contained\ttabs, "
     "carriage\rreturns or form\x0cfeeds. Thanks to everyone who reported it!"),
    ("performance", "Supercalifragilisticexpialidocious-sized inputs no longer "
     "time out: the tokenizer runs in linear time."),
    ("deprecations", "The --legacy-mode flag -- which nobody used -- will be removed; "
     "use   --compat   instead."),
]

bullet = TextWrapper(width=44, initial_indent="  * ", subsequent_indent="    ")
for title, text in NOTES:
    print(string.capwords(title))
    for line in bullet.wrap(text):
        print(line.rstrip() + "|")
    print()

print("== without hyphen breaks ==")
print(textwrap.fill(NOTES[0][1], width=20, break_on_hyphens=False))
print("== long words kept whole ==")
print(textwrap.fill(NOTES[2][1], width=15, break_long_words=False))
print("== long words broken ==")
for line in textwrap.wrap(NOTES[2][1], width=12):
    print(repr(line))
print("== sentence endings ==")
print(textwrap.fill("First sentence. Second one! Third? Mr. Smith said \"yes.\" Done.", width=30,
                    fix_sentence_endings=True))
print("== at most two lines ==")
print(textwrap.fill(NOTES[1][1], width=30, max_lines=2))
print(textwrap.fill(NOTES[1][1], width=30, max_lines=2, placeholder=" (more)"))
print("== whitespace kept ==")
print(textwrap.wrap("  lead\tand  trail  ", width=8, drop_whitespace=False))
print(textwrap.wrap("a\tb\tc", width=10, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("col1\tcol2\tcol3", width=40, tabsize=4))
print("== shorten ==")
for width in (10, 15, 25, 80):
    print(width, repr(shorten("  Hello   world,  this is  a   test  ", width)))
print(repr(shorten("Hello world", 11, placeholder="...")))
print("== em-dashes and hyphens ==")
for text in ["well--known", "a--b--c", "the spam--and eggs", "one-two-three-four", "x-1 y2-z 3-4",
             "--option-name", "e-mail re-entry co-op", "what?--no!--yes"]:
    print(repr(text), textwrap.wrap(text, width=6))
print("== capwords ==")
print(string.capwords("  the QUICK   brown\tfox  "))
print(string.capwords("alpha-beta-gamma", "-"))
print(string.capwords("élan ßtraße ﬁne", None))
print("== indentation round trip ==")
block = dedent("""
    def f():
        return 1
""")
print(textwrap.indent(block, "> "), end="")
try:
    textwrap.wrap("text", width=0)
except ValueError as e:
    print("ValueError:", e)
try:
    shorten("a long piece of text", width=3)
except ValueError as e:
    print("ValueError:", e)
