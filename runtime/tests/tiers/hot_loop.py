# A hot loop becomes an executor and does most of the work in tier 2.
total = 0
i = 0
while i < 20000:
    total = total + i * 2
    i = i + 1
print(total)
