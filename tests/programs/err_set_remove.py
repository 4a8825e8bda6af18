# Removing what is not there: KeyError carrying the missing key.
stock = {3, 5, 8}
for item in [5, 8]:
    stock.remove(item)
    print("removed", item, stock)
try:
    set().pop()
except KeyError as e:
    print("caught:", e)
stock.remove((1, 2))
