# A program split over several files: a module beside it and a package with
# relative and circular imports between its submodules.
import textstats
import textstats as ts
from textstats import word_counts, top as top_words
import inventory
from inventory import Item, report
import inventory.pricing as pricing
from inventory.items import make_stock

text = "It was the best of times, it was the worst of times; it was the age of wisdom."
counts = word_counts(text)
print(top_words(counts, 4))
print(ts.calls, textstats.calls, ts is textstats)
print(textstats.__name__, inventory.__name__, pricing.__name__, inventory.items.__name__)
print(inventory.__package__, pricing.__package__, textstats.__package__ == "", __name__)

stock = make_stock([("bolt", 120, 0.05), ("nut", 300, 0.02), ("gear", 8, 3.5)])
print(stock)
print(report.render(stock))
print(pricing.cheapest(stock).name, inventory.pricing is pricing, isinstance(stock[0], Item))
print(inventory.report.HEADER.split())

# A module's globals are its own: assigning here does not change them.
VOWELS = "xyz"
print(round(textstats.vowel_ratio("sequoia"), 4))
textstats.VOWELS = "aeiouy"
print(round(textstats.vowel_ratio("rhythm"), 4))
