# Mixed algorithms: sorting, searching, primes, matrices, strings
def bubble_sort(lst):
    a = lst[:]
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a


def insertion_sort(lst):
    a = lst[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def quicksort(lst):
    if len(lst) <= 1:
        return lst
    pivot = lst[len(lst) // 2]
    less = [x for x in lst if x < pivot]
    equal = [x for x in lst if x == pivot]
    more = [x for x in lst if x > pivot]
    return quicksort(less) + equal + quicksort(more)


def binary_search(a, target):
    lo = 0
    hi = len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid
        elif a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def primes_upto(n):
    sieve = [True] * (n + 1)
    sieve[0] = False
    sieve[1] = False
    i = 2
    while i * i <= n:
        if sieve[i]:
            for k in range(i * i, n + 1, i):
                sieve[k] = False
        i += 1
    return [i for i in range(n + 1) if sieve[i]]


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    inner = len(b)
    out = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            row.append(s)
        out.append(row)
    return out


def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i))
        i = j
    return "".join(out)


def is_palindrome(s):
    cleaned = [c.lower() for c in s if c != " " and c != ","]
    return cleaned == cleaned[::-1]


data = [38, 27, 43, 3, 9, 82, 10, -5, 27, 0]
print(bubble_sort(data), insertion_sort(data), quicksort(data), sorted(data) == quicksort(data))
sd = sorted(data)
print([binary_search(sd, t) for t in [3, 82, -5, 100, 27]])
p = primes_upto(200)
print(len(p), p[-5:], sum(p))
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b), matmul(matmul(a, a), a))
ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
m3 = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
print(matmul(m3, ident) == m3, matmul(m3, m3))
print(rle("aaabccddddde"), rle(""), rle("x"))
print(is_palindrome("A man, a plan, a canal, Panama"), is_palindrome("hello"))
power = [[1, 1], [1, 0]]
result = [[1, 0], [0, 1]]
n = 90
while n > 0:
    if n % 2 == 1:
        result = matmul(result, power)
    power = matmul(power, power)
    n //= 2
print("fib(90) =", result[0][1])
pascal = [[1]]
for i in range(12):
    prev = pascal[-1]
    row = [1]
    for j in range(len(prev) - 1):
        row.append(prev[j] + prev[j + 1])
    row.append(1)
    pascal.append(row)
print(pascal[12], sum(pascal[12]))
