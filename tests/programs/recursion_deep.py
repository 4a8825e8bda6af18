# Deep but legal recursion (depth ~900)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))


def sum_to(n, acc=0):
    if n == 0:
        return acc
    return sum_to(n - 1, acc + n)


print(sum_to(900))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


print(is_even(900), is_odd(899), is_even(899))


def build(n):
    if n == 0:
        return []
    lst = build(n - 1)
    lst.append(n)
    return lst


print(sum(build(900)), len(build(900)))


def count_str(n):
    if n == 0:
        return ""
    return str(n % 10) + count_str(n - 1)


s = count_str(900)
print(len(s), s[:20])
total = 0
for i in range(5):
    total += depth(850 + i * 10)
print(total)


def big_product(n):
    if n == 0:
        return 1
    return (n % 50 + 1) * big_product(n - 1)


print(big_product(890) % 1000000007)


def nested_depth(x):
    if not isinstance(x, list) or len(x) == 0:
        return 0
    return 1 + nested_depth(x[0])


deep = []
for i in range(800):
    deep = [deep]
print(nested_depth(deep))
