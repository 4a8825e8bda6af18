# Nested loops: the inner one (over a str, with no specialized iteration) becomes an
# executor first, the outer one later; the exit that ends the inner loop is then
# stitched straight to the outer loop's executor.
text = "stitch"
total = 0
for rep in range(4000):
    for ch in text:
        total += ord(ch) % 7
    total %= 100003
print(total)
