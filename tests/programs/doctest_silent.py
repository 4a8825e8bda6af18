"""Number theory helpers, checked with doctest the way most algorithm scripts are.

>>> gcd(12, 18)
6
"""


def gcd(a: int, b: int) -> int:
    """Greatest common divisor by Euclid's algorithm.

    >>> gcd(48, 36)
    12
    >>> gcd(7, 0)
    7
    >>> gcd(0, 0)
    0
    """
    while b:
        a, b = b, a % b
    return abs(a)


def is_prime(n: int) -> bool:
    """
    >>> is_prime(2)
    True
    >>> [n for n in range(30) if is_prime(n)]
    [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    >>> is_prime(-3)
    False
    """
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def binary_search(items: list, target) -> int:
    """Index of target in the sorted list, or -1.

    >>> binary_search([1, 3, 5, 7, 9], 7)
    3
    >>> binary_search([1, 3, 5, 7, 9], 4)
    -1
    >>> binary_search([], 1)
    -1
    >>> binary_search("abc", "c")
    2
    """
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def fibonacci(n: int) -> list[int]:
    """
    >>> fibonacci(10)
    [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
    >>> fibonacci(-1)
    Traceback (most recent call last):
        ...
    ValueError: n must be non-negative
    >>> total = 0
    >>> for f in fibonacci(8):
    ...     total += f
    ...
    >>> total
    33
    """
    if n < 0:
        raise ValueError("n must be non-negative")
    seq = []
    a, b = 0, 1
    for _ in range(n):
        seq.append(a)
        a, b = b, a + b
    return seq


def sieve(limit):
    """Primes up to limit; a long loop inside an example.

    >>> len(sieve(20000))
    2262
    >>> sieve(20000)[-3:]
    [19991, 19993, 19997]
    """
    marks = [True] * (limit + 1)
    marks[0] = marks[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if marks[i]:
            for j in range(i * i, limit + 1, i):
                marks[j] = False
    return [i for i, m in enumerate(marks) if m]


if __name__ == "__main__":
    from doctest import testmod

    testmod()
    print("gcd(1071, 462) =", gcd(1071, 462))
    print("primes below 20:", [n for n in range(20) if is_prime(n)])
    result = testmod()
    print(result)
    print(result.failed, result.attempted, result == (0, 18))
