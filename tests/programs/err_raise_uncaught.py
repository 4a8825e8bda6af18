# An exception raised by the program and never caught; finally clauses run first


def validate(age):
    if age < 0:
        raise ValueError(f"age must be non-negative, got {age}")
    return age


def register(people):
    for name, age in people:
        try:
            print(name, validate(age))
        finally:
            print("checked", name)


register([("ann", 31), ("bob", -4), ("cy", 7)])
