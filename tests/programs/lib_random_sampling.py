# Monte Carlo helpers: draws with random.sample, choices, gauss and normalvariate for fixed seeds.
import random

for seed in [3, 99, 12345]:
    random.seed(seed)
    hand = random.sample(range(52), 5)
    print("seed", seed, "hand", hand, "letters", random.sample("abcdefghijklmnop", 4))
    print("big pool", random.sample(list(range(10000)), 8))
    print("fair", random.choices(["H", "T"], k=8))
    print("loaded", random.choices(["a", "b", "c"], weights=[10, 1, 1], k=8))
    print("cumulative", random.choices([1, 2, 3, 4], cum_weights=[1, 2, 3, 10], k=6))
    print("gauss", [round(random.gauss(100, 15), 6) for _ in range(4)])
    print("normal", [round(random.normalvariate(0, 1), 9) for _ in range(3)])

# Estimate a mean and a spread from normal draws.
random.seed(2024)
xs = [random.gauss(5.0, 2.0) for _ in range(2000)]
mean = sum(xs) / len(xs)
var = sum([(x - mean) ** 2 for x in xs]) / (len(xs) - 1)
print(round(mean, 10), round(var, 10))
print(random.gauss())

# Reseeding drops the gauss value kept from the last pair.
random.seed(1)
a = random.gauss()
random.seed(1)
print(a == random.gauss())
try:
    random.sample([1, 2, 3], 4)
except ValueError as err:
    print("ValueError:", err)
try:
    random.choices("ab", weights=[1], k=2)
except ValueError as err:
    print("ValueError:", err)
