# Subscripts and slices (with steps, negative indices) on list, tuple, str
lst = list(range(10))
print(lst[2:5], lst[:3], lst[7:], lst[:], lst[-3:], lst[:-3], lst[-5:-2])
print(lst[::2], lst[1::2], lst[::-1], lst[::-3], lst[8:2:-2], lst[-1:-5:-1], lst[2:8:3])
print(lst[5:2], lst[100:], lst[-100:3], lst[3:100], lst[::100], lst[5:5], lst[-100:-50])
print(lst[:2:-1], lst[2::-1], lst[-2::-2], lst[100::-1], lst[:-100:-1], lst[0:10:-1])
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:1], t[4:], t[10:], t[-2:], t[::2], t[3:1])
s = "abcdefghij"
print(s[2:5], s[::-1], s[::2], s[-3:], s[:-7], s[1:9:3], s[9:0:-4], s[5:1], s[-1:-4:-1])
u = "héllo 日本"
print(u[1:4], u[::-1], u[-2:], u[::3])
print(lst[-1], lst[-10], t[-5], s[-10], u[-1], lst[0], t[0], s[0])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][::-1], m[::-1][0], [row[1] for row in m], m[-1][-1], m[0][1:])
copy = lst[:]
copy[0] = 99
print(lst[0], copy[0])
i = 2
j = 7
print(lst[i:j], lst[i:j:2], lst[j:i:-1], lst[i - 1:j + 1], s[i:], s[:j], s[-j:-i])
print(len(lst[::3]), sum(lst[1::2]), "".join(reversed(s[:4])))
sub = lst[2:6]
sub.append(100)
print(lst, sub)
word = "palindrome"
for k in range(0, len(word), 3):
    print(word[k:k + 3], end="|")
print()
step_results = []
for step in [1, 2, 3, -1, -2, -3]:
    step_results.append(s[::step])
print(step_results)
nums = (10, 20, 30, 40, 50, 60)
print(nums[1:-1][::-1], nums[::2][1:], nums[-3:][0])
print(s[3], s[3:4], s[3:3], [s[k] for k in range(-1, -4, -1)])
