# TypeError: a keyword argument given twice, once through **


def render(template, **fields):
    out = template
    for k, v in fields.items():
        out = out.replace("{" + k + "}", str(v))
    return out


defaults = {"name": "world", "greeting": "hello"}
print(render("{greeting}, {name}!", **defaults))
print(render("{greeting}, {name}!", **defaults, name="ada"))
