# del of subscripts
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1]
print(lst, len(lst))
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
d["b"] = 4
print(d)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
nested = {"x": {"y": 1, "z": 2}}
del nested["x"]["y"]
print(nested)
while len(lst) > 0:
    del lst[0]
    print(lst)
keys = list(d.keys())
for k in keys:
    if d[k] % 2 == 0:
        del d[k]
print(d)
e = {1: "a", (2, 3): "b", 2.5: "c"}
del e[(2, 3)]
del e[1]
print(e)
nums = list(range(10))
i = 0
while i < len(nums):
    if nums[i] % 3 == 0:
        del nums[i]
    else:
        i += 1
print(nums)
