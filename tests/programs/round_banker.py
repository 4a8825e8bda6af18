# round() with banker's rounding, 1 and 2 args
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.4), round(2.6), round(-2.6), round(7), round(-7), round(1e20), round(123.456))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(3.14159, 3), round(-3.14159, 1))
print(round(2.5, 0), round(-0.4, 0), round(0.5, 0), round(1.5, 0), round(-2.5, 0), round(7.0, 3))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(12345, -1), round(5, 0), round(15, -1), round(25, -1))
print(round(1e300, 2), round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(1.23456789e-5, 8), round(2.5, 5))
total = 0
for i in range(-20, 21):
    total += round(i / 4)
print(total)
vals = [round(i * 0.1, 1) for i in range(10)]
print(vals)
print(round(2 ** 100, -20), round(-17, 1), round(-17, -1), round(-15, -1), round(0, -3))
print([round(x + 0.5) for x in range(-4, 5)])
print([round(x / 8, 2) for x in range(0, 9)])
print(round(12.345, 1), round(-0.05, 1), round(0.05, 1), round(5e-324, 300), round(123.456, -1), round(987.6, -3))
