# assert statements that pass
assert True
assert 1 + 1 == 2, "math works"
x = [1, 2, 3]
assert len(x) == 3
assert x, "non-empty"
for i in range(100):
    assert i * i >= i, "square"
assert "a" in "abc" and 2 ** 10 == 1024
assert not [], "empty list is falsy"
assert 0.1 + 0.2 != 0.3
print("all asserts passed")


def checked_div(a, b):
    assert b != 0, "b must be non-zero"
    return a // b


print(checked_div(10, 3), checked_div(-10, 3))
