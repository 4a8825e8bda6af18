# TypeError: positional-only parameters passed by keyword


def clamp(value, lo, hi, /, *, wrap=False):
    if wrap:
        return lo + (value - lo) % (hi - lo)
    return max(lo, min(hi, value))


print(clamp(15, 0, 10), clamp(15, 0, 10, wrap=True))
print(clamp(value=3, lo=0, hi=10))
