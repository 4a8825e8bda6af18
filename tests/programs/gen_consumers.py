# Everything that takes an iterable takes a generator.


def numbers(n):
    for i in range(n):
        yield i


print(list(numbers(5)), tuple(numbers(3)), sum(numbers(10)))
print(min(numbers(5)), max(numbers(5)), sorted(numbers(4), reverse=True))
print(any(numbers(1)), all(numbers(1)), any(x > 2 for x in numbers(4)))
print(list(zip(numbers(3), "abc")), list(enumerate(numbers(3), start=1)))
print(list(map(lambda x: x * 2, numbers(4))), list(filter(lambda x: x % 2, numbers(7))))
print(dict((str(i), i) for i in numbers(3)), "-".join(str(i) for i in numbers(4)))
a, b, c = numbers(3)
first, *rest = numbers(5)
print(a, b, c, first, rest)
print(3 in numbers(5), 7 in numbers(5), 2 not in numbers(2))
print(sum(numbers(4), 100), max((x for x in []), default="empty"))
print(sorted((x for x in "banana"), key=lambda ch: (ch != "a", ch)))
print(list(reversed(list(numbers(3)))), len(list(numbers(6))))
print([x for x in numbers(4) if x != 2], {k: k * k for k in numbers(3)})
g = numbers(10)
print(next(g), next(g), list(g), next(g, None))
print(type(g).__name__, isinstance(g, list))
print(list(x + y for x in numbers(3) for y in numbers(x)))
nested = list(list(x * y for y in numbers(3)) for x in numbers(3))
print(nested)
it = iter(numbers(2))
print(list(iter(it)), list(it))
print(max(numbers(5), key=lambda v: -v), min((p for p in [(2, "b"), (1, "z")])))
