# Printing a str holding a lone surrogate fails at encoding; what came before it
# on the same line is already written.
label = "item"
value = "ok" + "\udcff" + "done"
print("before:", len(value))
print(repr(value))
print(label, value)
print("never")
