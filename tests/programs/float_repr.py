# repr/str of floats (shortest round-trip representation)
print(0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 100.0, 0.5)
print(1e16, 1e15, 1e+16, 123456789012345678.0, 1e22, 1e100, 1.5e300)
print(0.0001, 0.00001, 1e-05, 1e-7, 1.5e-10, 5e-324, 2.2250738585072014e-308)
print(1.7976931348623157e+308, 1e308 * 10, -1e308 * 10)
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(0.0, -0.0, 0.0 * -1, -0.0 + 0.0, -0.0 * 0.0)
print(3.14159, 2.718281828459045, 1.1 * 1.1, 0.1 * 3, 1.1 + 2.2)
print(9007199254740993.0, 2.0 ** 53, 2.0 ** 53 + 1, 4503599627370496.5)
print(1e16 + 1, 12345.678, 123456789.123456789, 0.3 - 0.1)
print(float(10 ** 16), float(2 ** 53), float(-17), float(7), float(10 ** 15))
print(repr(0.1), str(0.1), repr(1e16), str(-0.0), repr(float("nan")))
print([0.1, -0.0, float("inf"), 1e-05, 1e+16, 2.5])
print(1.0 / 7, 22.0 / 7, 1e-300 * 1e-300, 1e200 * 1e200)
inf = float("inf")
nan = float("nan")
print(inf - inf, inf * 0, inf + 1, -inf * -1, nan + 1, -inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(0.0 == -0.0, 1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53, 0.1 + 0.2 == 0.3)
print(f"{0.1}", f"{1e16}", f"{-0.0}", str(1e-05))
x = 1.0
for i in range(10):
    x = x / 10
print(x)
y = 1.0
for i in range(25):
    y = y * 10
print(y)
z = 1.0
for i in range(30):
    z = z * 0.5
    if i % 6 == 0:
        print(z, end=" ")
print(z)
print(123e-20, 0.000123, 1234567890123456.0, 12345678901234567.0)
print(1e21, 1e-4, 0.001, 999999999999999.9, 9999999999999998.0)
