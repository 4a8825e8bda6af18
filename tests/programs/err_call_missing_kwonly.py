# TypeError: a keyword-only argument left out, through a forwarding wrapper


def logged(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, "with", args, kwargs)
        return func(*args, **kwargs)

    return wrapper


@logged
def connect(host, *, port, timeout=5):
    return f"{host}:{port} ({timeout}s)"


print(connect("db", port=5432))
print(connect("cache", timeout=1))
print("not reached")
