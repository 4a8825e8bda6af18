x = 1


@decorate
class Point:
    pass
