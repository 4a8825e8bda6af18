from collections import Counter, defaultdict, OrderedDict, deque
for v in (Counter("aab"), defaultdict(int), OrderedDict(a=1)):
    match v:
        case Counter(c):
            print("counter", c)
        case defaultdict(d):
            print("dd", d)
        case OrderedDict(o):
            print("od", o)
try:
    match deque([1]):
        case deque(x):
            print(x)
except TypeError as e:
    print(e)
