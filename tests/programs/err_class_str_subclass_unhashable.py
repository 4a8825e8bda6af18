# A str subclass that defines __eq__ without __hash__ is unhashable, as CPython makes
# it: using it as a dict key raises TypeError (the hot loop first compares fine).


class Tag(str):
    def __eq__(self, other):
        return str.__eq__(self.lower(), str(other).lower())


def count(tags):
    matches = 0
    for t in tags:
        if Tag(t) == "python":
            matches += 1
    return matches


print(count(["Python", "rust", "PYTHON"] * 20))
index = {}
for name in ["Python", "rust"]:
    index[Tag(name)] = len(name)
print(index)
