# Rotating and compacting a buffer through slice assignment in a long loop.
buf = list(range(12))
checksum = 0
for step in range(6000):
    k = step % 5 + 1
    buf[:] = buf[k:] + buf[:k]
    if step % 3 == 0:
        buf[::4] = [x + 1 for x in buf[::4]]
    if step % 7 == 0:
        del buf[-1:]
        buf[0:0] = [step % 13]
    checksum = (checksum * 31 + buf[0] + buf[-1]) % 1000003
print(checksum, buf)
