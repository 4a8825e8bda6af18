# A Mandelbrot set as a binary PBM image, written as bytes through sys.stdout.buffer,
# the way image-producing benchmark programs do.
import sys


def rows(size, max_iter=50):
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        bits = 0
        count = 0
        row = bytearray()
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = 0.0
            inside = 1
            for _ in range(max_iter):
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                if zr * zr + zi * zi > 4.0:
                    inside = 0
                    break
            bits = (bits << 1) | inside
            count += 1
            if count == 8:
                row.append(bits)
                bits = count = 0
        if count:
            row.append(bits << (8 - count))
        yield bytes(row)


def main(size):
    out = sys.stdout.buffer
    header = ("P4\n%d %d\n" % (size, size)).encode("ascii")
    written = out.write(header)
    checksum = 0
    for row in rows(size):
        written += out.write(row)
        checksum = (checksum * 31 + sum(row)) % 1_000_003
    out.write(memoryview_free(checksum))
    out.flush()
    sys.stdout.write(f"\n{written} bytes, checksum {checksum}\n")
    sys.stdout.flush()
    out.write(bytearray(b"done\n"))
    try:
        out.write("text")
    except TypeError as e:
        print(e)


def memoryview_free(n):
    return b"\n" + str(n).encode() + b"\xff\x00"


main(40)
