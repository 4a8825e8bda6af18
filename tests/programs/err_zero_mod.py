# ZeroDivisionError: integer modulo by zero (big int dividend)
big = 2 ** 100
print(big % 7, big % -7)
m = 3
while m >= 0:
    print(big % (m + 1))
    m -= 1
print(big % m + 1)
print("still here", m)
print(big % (m + 1))
print("not reached")
