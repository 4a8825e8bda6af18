# A callable scorer invoked with the wrong number of arguments.


class Scorer:
    def __init__(self, weight):
        self.weight = weight

    def __call__(self, value, bonus=0):
        return value * self.weight + bonus


score = Scorer(3)
print(score(4), score(4, bonus=1), sorted([5, 1, 3], key=score))
print(list(map(score, [1, 2], [10, 20])))
print(score())
