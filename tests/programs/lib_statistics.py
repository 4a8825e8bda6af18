"""Summary statistics of measurements with the statistics module."""
import random
import statistics
from fractions import Fraction

random.seed(2024)
heights = [round(random.gauss(170, 8), 1) for _ in range(200)]
scores = [random.randint(40, 100) for _ in range(75)]
rolls = [random.randint(1, 6) for _ in range(600)]


def summary(name, data):
    print(f"{name}: n={len(data)} mean={statistics.mean(data)!r} median={statistics.median(data)!r}")
    print(f"  low/high={statistics.median_low(data)!r}/{statistics.median_high(data)!r}"
          f" var={statistics.variance(data)!r} pvar={statistics.pvariance(data)!r}")
    print(f"  stdev={statistics.stdev(data)!r} pstdev={statistics.pstdev(data)!r} fmean={statistics.fmean(data)!r}")


summary("heights", heights)
summary("scores", scores)
summary("small ints", [1, 2, 3, 4, 5, 6])
summary("fractions", [Fraction(1, 3), Fraction(1, 2), Fraction(5, 6), 1])
summary("mixed", [1, 2.5, 4, 7.25])
print("mode of rolls:", statistics.mode(rolls), sorted(statistics.multimode(rolls)))
print("multimode:", statistics.multimode("aabbbccccdddd"), statistics.multimode([]))
print("mode of words:", statistics.mode("the cat and the hat and the bat".split()))
z = [(h - statistics.mean(heights)) / statistics.stdev(heights) for h in heights[:5]]
print([round(v, 4) for v in z])
print(statistics.variance([1, 2, 3, 4], 2.5), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9], 5))
print(statistics.mean([True, False, True, True]), statistics.mean(x / 10 for x in range(10)))
for f in (statistics.mean, statistics.median, statistics.mode, statistics.variance, statistics.stdev):
    for data in ([], [42]):
        try:
            print(f.__name__, f(data))
        except statistics.StatisticsError as e:
            print(f.__name__, "StatisticsError:", e)
print(issubclass(statistics.StatisticsError, ValueError))
