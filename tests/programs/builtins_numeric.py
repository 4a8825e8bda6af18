# abs, min, max, sum, divmod, pow
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-(2 ** 80)), abs(-0.0))
print(min(3, 1, 2), max(3, 1, 2), min([4, -1, 7]), max((4, -1, 7)), min("hello"), max("hello"))
print(min(2, 2.0), max(2.0, 2), max([1], [1, 0]), min([[2], [1, 5]]), max(1, 1.5), min(-1, -1.5))
print(max(range(10)), min(range(5, 10)), max([3.5, 2, 10 ** 20]), max("b", "abc"), min(["b", "abc"]))
print(max({"a": 1, "z": 0}), min((9,)), max(-(2 ** 70), -(2 ** 71)), min(0.0, -0.0), max(-0.0, 0.0))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([], 5), sum([0.5, 0.25], 1), sum(range(1001)))
print(sum([[1], [2]], []), sum((1.5, 2.5)), sum([2 ** 64, -(2 ** 64), 1]), sum([True, True, False]))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(2 ** 70, 3), divmod(7.0, 2), divmod(-7.5, 2))
print(divmod(0, 5), divmod(-(2 ** 70), 2 ** 35 + 1), divmod(5, 2.5), divmod(-1, 10 ** 20))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(2, 100), pow(2.0, 0.5), pow(0, 0))
print(pow(3, 4, 5), pow(7, 1000, 13), pow(-3, 3, 7), pow(2, 0, 1), pow(123456789, 987654321, 1000000007))
print(pow(2 ** 100, 3, 10 ** 9), pow(5, 3, -7), pow(10, 2, 3), pow(-2, -2), pow(4, 0.5))
vals = [3, -8, 2.5, 11, -0.5, 7]
print(min(vals), max(vals), sum(vals), abs(min(vals)), max([abs(v) for v in vals]))
total = 0
for i in range(1, 50):
    q, r = divmod(i * 37, 11)
    total += q * r - pow(i, 2, 7)
print(total)
print(max(3, 9, 4, 9, 1), min(8, 8.0), max([0, 0.0]), min([5, 3, 3.0]))
