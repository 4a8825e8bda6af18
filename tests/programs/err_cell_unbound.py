# UnboundLocalError: a captured variable read in its own function before it is bound


def tally(items):
    seen = lambda: running_total_amount
    for item in items:
        running_total_amount += item
    return seen()


print("tallying")
print(tally([1, 2]))
