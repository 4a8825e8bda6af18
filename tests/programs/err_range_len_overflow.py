big = range(10**20)
print(big[-1])
print(len(big))
