x = 1


class Point(Base, **options):
    pass
