a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(a | b, b | a, a)
a |= b
print(a)
class D(dict):
    pass
d = D(k=1)
r = d | {"q": 2}
print(r, type(r).__name__)
d |= {"w": 5}
print(d, type(d).__name__)
try:
    a | [1]
except TypeError as e:
    print(e)
