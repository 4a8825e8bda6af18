# Heap sort with a sift-down helper called from two loops (two callers of one
# function), on ints and then on floats: returns into either caller stay in tier 2.


def sift_down(a, root, end):
    while True:
        child = 2 * root + 1
        if child > end:
            return
        if child + 1 <= end and a[child] < a[child + 1]:
            child += 1
        if a[root] < a[child]:
            a[root], a[child] = a[child], a[root]
            root = child
        else:
            return


def heap_sort(a):
    n = len(a)
    for start in range((n - 2) // 2, -1, -1):
        sift_down(a, start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift_down(a, 0, end - 1)


x = 12345
data = []
for _ in range(6000):
    x = (x * 1103515245 + 12345) % 2147483648
    data.append(x % 10000)
for values in (data, [v / 4.0 for v in data]):
    heap_sort(values)
    ordered = True
    for k in range(len(values) - 1):
        if values[k] > values[k + 1]:
            ordered = False
    print(ordered, values[0], values[3000], values[-1])
