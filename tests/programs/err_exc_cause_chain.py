# An uncaught exception raised during handling another that was raised from a third: the whole chain
def inner(d):
    return d["missing"]

def outer():
    try:
        inner({})
    except KeyError as e:
        raise ValueError("bad key") from e

def other():
    try:
        outer()
    except ValueError:
        print(undefined_name)

print("start")
other()
