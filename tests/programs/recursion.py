# Recursion
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def flatten(x, out):
    for item in x:
        if isinstance(item, list):
            flatten(item, out)
        else:
            out.append(item)
    return out


def permutations(lst):
    if len(lst) <= 1:
        return [lst]
    result = []
    for i in range(len(lst)):
        rest = lst[:i] + lst[i + 1:]
        for p in permutations(rest):
            result.append([lst[i]] + p)
    return result


def power_set(lst):
    if not lst:
        return [[]]
    rest = power_set(lst[1:])
    return rest + [[lst[0]] + s for s in rest]


def bsearch(lst, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if lst[mid] == target:
        return mid
    if lst[mid] < target:
        return bsearch(lst, target, mid + 1, hi)
    return bsearch(lst, target, lo, mid - 1)


def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)


def queens(n, row, cols, d1, d2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if c not in cols and row + c not in d1 and row - c not in d2:
            cols.append(c)
            d1.append(row + c)
            d2.append(row - c)
            count += queens(n, row + 1, cols, d1, d2)
            cols.pop()
            d1.pop()
            d2.pop()
    return count


def merge_sort(lst):
    if len(lst) <= 1:
        return lst
    mid = len(lst) // 2
    left = merge_sort(lst[:mid])
    right = merge_sort(lst[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]


print([fib(i) for i in range(20)])
print(fact(30), fact(0))
print(ackermann(2, 3), ackermann(3, 3))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(is_even(100), is_odd(77), is_even(7))
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
print(flatten([1, [2, [3, [4, 5]], 6], [[7]], []], []))
print(permutations([1, 2, 3]))
print(len(permutations([1, 2, 3, 4, 5])))
print(power_set(["a", "b", "c"]))
sorted_list = [1, 3, 5, 7, 9, 11, 13]
print([bsearch(sorted_list, t, 0, len(sorted_list) - 1) for t in [1, 7, 13, 4, 0, 14]])
print(digit_sum(2 ** 100), digit_sum(0))
print(queens(6, 0, [], [], []))
print(merge_sort([5, 2, 9, 1, 5, 6, -3, 0, 8, 7, 2]))
