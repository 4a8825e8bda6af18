# random with int seeds gives CPython's numbers: the Mersenne Twister, getrandbits
# of any width, randrange/randint by rejection, choice, shuffle, uniform; a Monte
# Carlo estimate and a random walk in hot loops.
import random

random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(20)])
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100))
print(random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7), random.randrange(100, 0, -3), random.randrange(-10 ** 20, 10 ** 20))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(1000)))
print(random.uniform(1, 2), random.uniform(-5.5, 5.5))
for s in [0, 1, 2 ** 32, 2 ** 64 + 7, -12345, 10 ** 30]:
    random.seed(s)
    print(s, random.random(), random.randint(0, 10 ** 9))

random.seed(2024)
inside = 0
for _ in range(20000):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / 20000)
pos = 0
far = 0
for _ in range(10000):
    pos += random.choice([-1, 1])
    far = max(far, abs(pos))
print(pos, far)
counts = [0] * 6
for _ in range(6000):
    counts[random.randrange(6)] += 1
print(counts)
