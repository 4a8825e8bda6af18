# Hot loops calling functions and reading constants of the program's own modules.
import textstats
from inventory import pricing

total = 0.0
words = ["queue", "rhythm", "banana", "io", "strength"]
for i in range(20000):
    total += textstats.vowel_ratio(words[i % 5])
    if i % 4000 == 0:
        print(i, round(total, 6))
print(round(total, 6))

acc = 0.0
for i in range(10000):
    acc += pricing.with_tax(i % 97)
    if i == 5000:
        pricing.TAX = 0.5
print(round(acc, 2))
print(textstats.calls)
