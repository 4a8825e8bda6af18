# TypeError: the argument after ** must be a mapping


def settings(**options):
    return sorted(options)


print(settings(**{"a": 1}, b=2))
print(settings(**[("a", 1)]))
