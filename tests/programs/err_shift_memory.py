# A shift too large for memory: MemoryError (CPython counts the shift in 30-bit digits).
x = 3
print(x << 1000, 0 << (1 << 100))
print(x << (1 << 40))
