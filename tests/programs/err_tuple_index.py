# tuple.index of a missing value.
days = ("mon", "tue", "wed")
print(days.index("tue"))
print(days.index("sun"))
