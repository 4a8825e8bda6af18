# Snippets typed by a user, compiled at run time; the last has a syntax error.
snippets = ["x = 2", "y = x ** 10", "print(x, y)", "z = (x +"]
scope = {}
for snippet in snippets:
    exec(snippet, scope)
