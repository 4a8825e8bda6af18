# int and float methods: bit tricks for a popcount table, exact ratios,
# and the numeric attributes.

def parity(n):
    return n.bit_count() % 2


for n in [0, 1, 2, 3, 7, 8, 255, 256, 1023, -1, -8, 2 ** 64 - 1, 2 ** 100]:
    print(n, n.bit_length(), n.bit_count(), parity(n))

print([k.bit_length() for k in range(17)])
print((12).as_integer_ratio(), (-5).as_integer_ratio(), True.as_integer_ratio())
print((3).real, (3).imag, (3).numerator, (3).denominator, (-4).conjugate())
for x in [0.5, 0.1, -2.75, 1e10, 3.0, 1 / 3, 0.0]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), x.real, x.imag, x.conjugate())
nums = [3, 5, 6, 9, 10]
masks = [1 << k for k in range(6)]
print([m for m in masks if any([(n & m) != 0 for n in nums])])
print(hex(3735928559), oct(511), bin(11), hex(-1), bin(0))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, None), next(iter([]), "empty"))
print(callable(len), callable(3), callable(parity), callable(str.upper), callable("x".upper))
t = (4, 1, 4, 2, 4)
print(t.count(4), t.index(4), t.index(4, 1), t.index(2, 0, 4), t.count(9))
