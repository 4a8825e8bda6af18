# Arbitrary-precision integers
def factorial(n):
    result = 1
    i = 2
    while i <= n:
        result *= i
        i += 1
    return result


print(2 ** 100)
print(2 ** 64, 2 ** 63, -(2 ** 63), 2 ** 64 - 1)
print(factorial(50))
print(factorial(30) // factorial(28), factorial(25) % 1000000007)
a = 123456789012345678901234567890
b = -987654321098765432109876543210
print(a + b, a - b, a * b)
print(b // 7, b % 7, a // -13, a % -13, -a // 13, -a % 13)
print(b // a, b % a, divmod(b, a), divmod(a, 1000000007))
print(-(2 ** 100), abs(b), -b, +b)
print(a == 123456789012345678901234567890, a < b, b < a, a > 10 ** 29, b <= -(10 ** 29))
print(pow(3, 100), pow(3, 100, 1000000007), pow(-3, 101))
print(10 ** 30 // 10 ** 15, 10 ** 30 % 999999937, (10 ** 30 + 1) % (10 ** 15))
print((2 ** 100) / (2 ** 98), (10 ** 30) / 3, 2 ** 100 + 0.5, (2 ** 100 + 1) / 2 ** 50)
print(float(2 ** 100), int(1e30), int(-1.5e20), float(-(10 ** 25)))
print(str(2 ** 200), len(str(2 ** 1000)), str(-(2 ** 70)))
print(int("123456789012345678901234567890") * 2)
print(int("-99999999999999999999999999") + 1)
fib_a = 0
fib_b = 1
for i in range(300):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a)
print(fib_a % 1000000, fib_a // (10 ** 60))
print(2 ** 200 - 2 ** 199 == 2 ** 199, 10 ** 20 != 10 ** 20 + 1)
x = 1
for i in range(70):
    x = x * 2
print(x, x - 1, -x, x // 3, -x // 3, -x % 3, x % -3)
print(max(2 ** 70, 3 ** 44, -(5 ** 30)), min(2 ** 70, 3 ** 44, -(5 ** 30)))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([-(2 ** 63), -1]))
print(2 ** 100 - 2 ** 100, (2 ** 100) // (2 ** 100), (2 ** 100) * 0)
big = 10 ** 40
print(big // -3, big % -3, -big // 3, -big % 3, divmod(-big, 7))
print(big * big * big)
print((-3) ** 41, (-2) ** 64, 7 ** 30 - 7 ** 29)
