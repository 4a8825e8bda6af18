def lookup(d, k):
    return d[k]


table = {"a": 1}
total = (lookup(table, "a") +
         lookup(table,
                "b"))
