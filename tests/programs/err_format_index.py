# A replacement field with no argument for it.
print("{} + {} = {}".format(1, 2, 3))
print("{} + {} = {}".format(1, 2))
