# IndexError: string index out of range
s = "héllo"
out = []
for i in range(len(s)):
    out.append(s[i])
print(out, s[-5])
print(s[5])
print("not reached")
