# A shift whose count of 30-bit digits is past i64: OverflowError.
x = 3
print(x << (1 << 64) if False else x >> (1 << 100))
print(x << (1 << 100))
