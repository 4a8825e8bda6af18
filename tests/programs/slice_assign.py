# Slice assignment and deletion on lists: splicing, growing, shrinking,
# extended slices, negative steps, and clearing in place.

def show(label, xs):
    print(label, xs, len(xs))


a = list(range(10))
a[2:5] = ["a", "b"]
show("shrink:", a)
a[1:1] = [100, 200, 300]
show("insert:", a)
a[-2:] = range(3)
show("tail:", a)
a[:3] = []
show("head removed:", a)
a[::2] = [0] * len(a[::2])
show("every other:", a)
a[::-3] = [str(v) * 2 for v in a[::-3]]
show("backwards:", a)
a[8:2] = [7]
show("empty slice insert:", a)
a[100:] = [1, 2]
show("past the end:", a)
a[:] = a
show("self:", a)
a[1:4] = a[5:]
show("from itself:", a)

b = list(range(20))
del b[::3]
show("del step:", b)
del b[2:5]
show("del range:", b)
del b[-1:-4:-1]
show("del backwards:", b)
del b[5:2]
show("del empty:", b)
del b[:]
show("del all:", b)

grid = [[0] * 4 for _ in range(3)]
grid[1][1:3] = [5, 6]
grid[0][:] = [9, 9, 9, 9]
print(grid)

nums = [5, 3, 8, 1, 9, 2]
nums[1:4] = sorted(nums[1:4])
print(nums)
nums[:] = [n * 2 for n in nums if n > 2]
print(nums)
buf = [1, 2, 3]
buf[len(buf):] = [4, 5]
buf[:0] = [0]
buf[1:3] += [7]
print(buf)
