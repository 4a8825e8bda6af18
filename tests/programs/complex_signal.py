# Signal processing and fractals with complex numbers: a recursive FFT, its
# inverse, a spectrum's peaks, and an ASCII Mandelbrot set.
import cmath
import math


def fft(xs):
    n = len(xs)
    if n == 1:
        return list(xs)
    even = fft(xs[0::2])
    odd = fft(xs[1::2])
    out = [0j] * n
    for k in range(n // 2):
        t = cmath.exp(-2j * cmath.pi * k / n) * odd[k]
        out[k] = even[k] + t
        out[k + n // 2] = even[k] - t
    return out


def ifft(xs):
    n = len(xs)
    conj = fft([x.conjugate() for x in xs])
    return [x.conjugate() / n for x in conj]


def dft(xs):
    n = len(xs)
    return [sum(xs[t] * cmath.exp(-2j * math.pi * k * t / n) for t in range(n)) for k in range(n)]


n = 32
signal = [math.sin(2 * math.pi * 3 * t / n) + 0.5 * math.cos(2 * math.pi * 7 * t / n) for t in range(n)]
spectrum = fft(signal)
for k, c in enumerate(spectrum[: n // 2]):
    if abs(c) > 1e-9:
        print(f"bin {k:2d}: {c:.3f}  |c|={abs(c):.4f} phase={cmath.phase(c):+.4f}")
back = ifft(spectrum)
print("round trip error:", max(abs(a - b) for a, b in zip(back, signal)) < 1e-12)
slow = dft(signal)
print("fft == dft:", all(abs(a - b) < 1e-9 for a, b in zip(spectrum, slow)))
print(spectrum[3])
print(repr(spectrum[0]), spectrum[0] == 0, abs(spectrum[0]) < 1e-12)
energy_time = sum(x * x for x in signal)
energy_freq = sum(abs(c) ** 2 for c in spectrum) / n
print(f"Parseval: {energy_time:.6f} {energy_freq:.6f}")


def mandelbrot(c, limit=40):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit


chars = " .:-=+*#%@"
for row in range(12):
    line = ""
    for col in range(48):
        c = complex(-2.2 + col * 0.06, -1.1 + row * 0.2)
        line += chars[min(mandelbrot(c), 39) // 4]
    print(line.rstrip())

# A polynomial's roots by Durand-Kerner, a typical complex iteration.
coeffs = [1, -10, 35, -50, 24]  # (x-1)(x-2)(x-3)(x-4)


def poly(x):
    acc = 0j
    for a in coeffs:
        acc = acc * x + a
    return acc


roots = [(0.4 + 0.9j) ** k for k in range(4)]
for step in range(60):
    new = []
    for i, r in enumerate(roots):
        denom = 1
        for j, s in enumerate(roots):
            if i != j:
                denom *= r - s
        new.append(r - poly(r) / denom)
    roots = new
print(sorted(round(r.real, 9) for r in roots), all(abs(r.imag) < 1e-9 for r in roots))

rotations = [cmath.rect(1, k * math.pi / 4) for k in range(8)]
print([f"{z:.2f}" for z in rotations])
acc = 1 + 0j
for z in rotations:
    acc *= z
print(f"{acc:.6f}", cmath.isclose(acc, -1, abs_tol=1e-12))
total = 0
for k in range(200):
    total += (1j) ** k
print(total, sum([1j, 2, 0.5]), type(total).__name__)
