# Storing a value that is not a byte.
buf = bytearray(4)
for i in range(4):
    buf[i] = i * 100
    print(buf)
