# The branch goes one way for the first half, then the other: the guard's side exit
# gets warm and a new executor is stitched onto it.
def run(n):
    evens = 0
    odds = 0
    for i in range(n):
        if i < n // 2:
            evens = evens + i
        else:
            odds = odds + i
    return evens, odds

print(run(20000))
