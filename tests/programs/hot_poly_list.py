# HOT: loops over lists with mixed element types (int, float, big int, bool, str)
mixed = [1, 2.5, 2 ** 70, -3, 0.25, True, 7]
total = 0
for i in range(7000):
    total += mixed[i % 7]
print(total)
strs_and_nums = [1, "a", 2, "bb", 3.5, "ccc"]
nums = 0
chars = 0
for i in range(9000):
    v = strs_and_nums[i % 6]
    if isinstance(v, str):
        chars += len(v)
    else:
        nums += v
print(nums, chars)
vals = []
for i in range(6000):
    if i % 3 == 0:
        vals.append(i)
    elif i % 3 == 1:
        vals.append(i / 4)
    else:
        vals.append(str(i))
isum = 0
fsum = 0.0
slen = 0
for v in vals:
    if isinstance(v, int):
        isum += v
    elif isinstance(v, float):
        fsum += v
    else:
        slen += len(v)
print(isum, fsum, slen)
prod = 1
for i in range(1, 5000):
    prod = (prod * mixed[i % 7]) % 1000003 if i % 7 != 1 else prod + 1
print(prod)
