# TypeError: can only concatenate str (not "int") to str
count = 3
msg = "count=" + str(count)
print(msg)
print("count=" + count)
print("not reached")
