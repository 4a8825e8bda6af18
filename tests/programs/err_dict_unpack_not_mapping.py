# ** in a dict display needs a mapping.
options = {"verbose": True}
extra = [("depth", 3)]
print({**options})
print({**options, **extra})
