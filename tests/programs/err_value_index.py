# ValueError: list.index of a missing element
lst = [5, 6, 7]
print(lst.index(5), lst.index(7))
print(lst.index(8))
print("not reached")
