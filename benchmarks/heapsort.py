# In-place heap sort of pseudo-random ints and floats: sift-down written out
# by hand, with a check that each result is sorted.


def sift_down(a, start, end):
    root = start
    while True:
        child = 2 * root + 1
        if child > end:
            break
        if child + 1 <= end and a[child] < a[child + 1]:
            child += 1
        if a[root] < a[child]:
            a[root], a[child] = a[child], a[root]
            root = child
        else:
            break


def heap_sort(a):
    n = len(a)
    for start in range((n - 2) // 2, -1, -1):
        sift_down(a, start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift_down(a, 0, end - 1)


def numbers(count, seed):
    x = seed
    out = []
    for _ in range(count):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 100000)
    return out


total = 0
for round_ in range(6):
    data = numbers(40000, round_ + 1)
    if round_ % 2:
        data = [v / 7.0 for v in data]
    heap_sort(data)
    ok = all(data[i] <= data[i + 1] for i in range(len(data) - 1))
    total += int(data[len(data) // 2]) + int(data[-1])
    print(round_, ok, data[0], data[len(data) // 2], data[-1])
print(total)
