# Scans many generated records with precompiled patterns in a hot loop: the
# interpreter's loops around re calls, matches and their groups under every tier.
import re

RECORD = re.compile(r"id=(\d+);name=([a-z]+);score=(-?\d+(?:\.\d+)?)")
VOWEL = re.compile(r"[aeiou]")

names = ["ann", "bob", "cyd", "dee", "eve", "fay"]
total = 0.0
vowels = 0
best = None
for i in range(6000):
    rec = f"id={i};name={names[i % 6]};score={(i * 37) % 101 - 50}.{i % 10}"
    m = RECORD.match(rec)
    if m is None:
        continue
    score = float(m.group(3))
    total += score
    vowels += len(VOWEL.findall(m.group(2)))
    if best is None or score > best[1]:
        best = (int(m.group(1)), score)
print(round(total, 1), vowels, best)
parts = 0
for i in range(5000):
    parts += len(re.split(r"[;=]", "a=1;b=2")) + (1 if re.search("b=2", "a=1;b=2") else 0)
print(parts)
