# TypeError: too many positional arguments, with a keyword-only one given too


def area(w, h=1, *, unit="m"):
    return f"{w * h}{unit}2"


print(area(3), area(3, 4, unit="cm"))
print(area(3, 4, 5, unit="cm"))
