# Benchmark: Mandelbrot set (tight float loop with data-dependent exit)
def mandel(w, h, max_iter):
    inside = 0
    total_iter = 0
    rows = []
    for py in range(h):
        ci = (py * 2.0) / h - 1.0
        row = []
        for px in range(w):
            cr = (px * 3.0) / w - 2.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            total_iter += i
            if i == max_iter:
                inside += 1
                row.append("#")
            else:
                row.append(".")
        rows.append("".join(row))
    return inside, total_iter, rows


inside, total_iter, rows = mandel(240, 120, 1000)
for r in range(0, 120, 8):
    print(rows[r][::4])
print("inside:", inside, "iterations:", total_iter)
