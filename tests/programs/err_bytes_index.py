# Reading past the end of a bytes object.
packet = b"\x01\x02\x03"
total = 0
for i in range(4):
    total += packet[i]
    print(i, total)
