# ValueError raised by a decorator with arguments while the function is defined

registry = {}


def route(path):
    if not path.startswith("/"):
        raise_error = int(path)
    def register(func):
        registry[path] = func
        return func

    return register


@route("/home")
def home():
    return "home"


@route("about")
def about():
    return "about"


print(registry)
