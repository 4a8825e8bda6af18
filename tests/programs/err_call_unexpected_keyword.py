# TypeError: an unexpected keyword argument, named with the function's qualified name


def make_formatter(width):
    def fmt(value, fill=" "):
        return fill * (width - len(str(value))) + str(value)

    return fmt


fmt = make_formatter(6)
print(fmt(42), fmt(7, fill="0"))
print(fmt(7, pad="0"))
