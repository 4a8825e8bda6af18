# A wildcard before other cases makes them unreachable: CPython refuses the module.
def classify(n):
    match n:
        case 0:
            return "zero"
        case _:
            return "other"
        case 1:
            return "one"


print(classify(1))
