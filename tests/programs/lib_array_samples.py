# Compact numeric storage with array.array: sensor samples, a histogram of bytes,
# running statistics, and the range checks each typecode makes.
from array import array

readings = array("d", [12.5, 13.0, 12.75])
readings.append(14)
readings.extend([15.5, 11.25])
readings.extend(array("d", [10.0]))
print(readings, len(readings), readings.typecode, readings.itemsize)
print(readings[0], readings[-1], readings[1:4], readings[::-2], readings[10:])
print(sum(readings) / len(readings), max(readings), min(readings), sorted(readings)[:3])
print(readings.pop(), readings.pop(0), readings)
readings[0] = 99
readings.insert(1, -1.5)
readings.insert(-100, 7)
readings.reverse()
print(readings, readings.index(99.0), readings.count(7), 14.0 in readings, 42 in readings)
readings.remove(7)
print(readings.tolist())

hist = array("L", [0] * 8)
for value in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4]:
    hist[value % 8] += 1
print(hist, list(hist), [i for i, n in enumerate(hist) if n >= 3])

small = array("b", range(-3, 4))
print(small, small + array("b", [100]), small * 2, array("b") * 3, array("i"))
doubled = array("i", (x * 2 for x in range(6)))
doubled += array("i", [100])
print(doubled, doubled == array("i", [0, 2, 4, 6, 8, 10, 100]), doubled == array("d", [0, 2, 4, 6, 8, 10, 100]))
print(array("f", [0.1, 1 / 3, 1e10]), array("q", [-2**63, 2**63 - 1]), array("Q", [2**64 - 1]))
print(array("h", array("b", [1, -2])), array("d", array("i", [7])))

limits = [("b", 128), ("b", -129), ("b", 40000), ("B", 256), ("B", -1), ("h", 2**15), ("H", -1), ("H", 2**31),
          ("i", 2**31), ("I", -5), ("I", 2**32), ("l", 2**63), ("L", -1), ("L", 2**64), ("q", 2**63), ("Q", -1),
          ("Q", 2**64), ("i", 10**30), ("I", 10**30)]
for code, value in limits:
    try:
        array(code, [value])
        print(code, "kept", value)
    except OverflowError as err:
        print(code, "OverflowError:", err)

for code, value in [("i", 1.5), ("d", "x"), ("i", None), ("f", [1])]:
    try:
        array(code).append(value)
    except TypeError as err:
        print(code, "TypeError:", err)

def attempt(label, action):
    try:
        action()
        print(label, "ok")
    except (IndexError, ValueError, TypeError) as err:
        print(label, type(err).__name__ + ":", err)


def store(a, i, v):
    a[i] = v


nums = array("i", [1, 2, 3])
attempt("bad code", lambda: array("z"))
attempt("str init", lambda: array("i", "123"))
attempt("index", lambda: nums[3])
attempt("store", lambda: store(nums, -4, 0))
attempt("pop", lambda: array("i").pop())
attempt("pop at", lambda: nums.pop(7))
attempt("index of", lambda: nums.index(9))
attempt("remove", lambda: nums.remove(9))
attempt("extend kind", lambda: nums.extend(array("d", [1.0])))
attempt("add kind", lambda: nums + array("h", [1]))
attempt("store float", lambda: store(nums, 0, 2.5))
print(nums)
