x = 1


class Point(Base, flag=True):
    pass
