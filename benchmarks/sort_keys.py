# Sorting with key functions, as report and data-cleaning code does it: records
# (instances, tuples, dicts) sorted by lambdas, operator.attrgetter and itemgetter,
# multi-key sorts (stable passes and tuple keys), reverse sorts, string keys
# (str.lower, len, a custom natural-order key), min/max/sorted over generated data
# from a deterministic linear congruential generator. Prints checksums of orders.

from operator import attrgetter, itemgetter

SEED = 12345


def lcg():
    global SEED
    SEED = (SEED * 1103515245 + 12345) % 2147483648
    return SEED


FIRST = ["ada", "Bob", "carol", "Dave", "eve", "Frank", "grace", "Heidi", "ivan", "Judy", "mallory", "Niaj"]
CITY = ["Oslo", "lima", "Quito", "bern", "Dakar", "hanoi", "Perth", "accra"]


class Person:
    __slots__ = ("name", "age", "city", "score")

    def __init__(self, name, age, city, score):
        self.name = name
        self.age = age
        self.city = city
        self.score = score


def make_people(n):
    out = []
    for i in range(n):
        name = FIRST[lcg() % len(FIRST)] + str(lcg() % 1000)
        out.append(Person(name, 18 + lcg() % 60, CITY[lcg() % len(CITY)], (lcg() % 100000) / 100.0))
    return out


def order_sum(seq, f):
    # Position-weighted checksum: any change of order changes it.
    s = 0
    for i, x in enumerate(seq):
        s = (s * 31 + f(x) + i) % 1000000007
    return s


def natural_key(s):
    # "file12" sorts after "file9": digits compare as numbers.
    parts = []
    num = ""
    text = ""
    for ch in s:
        if ch.isdigit():
            if text:
                parts.append((1, text))
                text = ""
            num += ch
        else:
            if num:
                parts.append((0, int(num)))
                num = ""
            text += ch.lower()
    if num:
        parts.append((0, int(num)))
    if text:
        parts.append((1, text))
    return parts


def people_round(n):
    people = make_people(n)
    ident = lambda p: p.age * 7 + len(p.name)
    out = []
    by_age = sorted(people, key=attrgetter("age"))
    out.append(order_sum(by_age, ident))
    by_city_age = sorted(people, key=attrgetter("city", "age"))
    out.append(order_sum(by_city_age, ident))
    by_lower = sorted(people, key=lambda p: (p.city.lower(), -p.score, p.name))
    out.append(order_sum(by_lower, ident))
    stable = list(people)
    stable.sort(key=lambda p: p.name.lower())
    stable.sort(key=attrgetter("age"), reverse=True)
    out.append(order_sum(stable, ident))
    top = max(people, key=lambda p: (p.score, p.name))
    young = min(people, key=attrgetter("age", "name"))
    out.append(top.name + "/" + young.name)
    return out


def tuples_round(n):
    rows = [(lcg() % 50, "k%d" % (lcg() % 997), lcg() % 1000 / 10.0) for _ in range(n)]
    out = []
    out.append(order_sum(sorted(rows, key=itemgetter(2)), lambda r: r[0]))
    out.append(order_sum(sorted(rows, key=itemgetter(0, 1)), lambda r: int(r[2])))
    out.append(order_sum(sorted(rows), lambda r: r[0] + int(r[2])))
    out.append(order_sum(sorted(rows, key=lambda r: (r[1], -r[0]), reverse=True), lambda r: r[0]))
    dicts = [{"id": i, "group": r[0] % 7, "label": r[1], "value": r[2]} for i, r in enumerate(rows)]
    dicts.sort(key=itemgetter("group", "value"))
    out.append(order_sum(dicts, itemgetter("id")))
    return out


def strings_round(n):
    words = []
    for i in range(n):
        k = lcg()
        w = "".join(chr(97 + (k >> s) % 26) for s in range(0, 5 * (2 + k % 5), 5))
        if k % 3 == 0:
            w = w.capitalize()
        if k % 4 == 0:
            w = w + str(k % 120)
        words.append(w)
    out = []
    out.append(order_sum(sorted(words), len))
    out.append(order_sum(sorted(words, key=str.lower), len))
    out.append(order_sum(sorted(words, key=len), lambda w: ord(w[0])))
    out.append(order_sum(sorted(words, key=lambda w: (len(w), w.lower())), lambda w: ord(w[-1])))
    out.append(order_sum(sorted(words, key=natural_key), len))
    out.append(" ".join(sorted(sorted(set(words)), key=natural_key)[:4]))
    return out


def main():
    for r in range(3):
        print("people", people_round(20000))
        print("tuples", tuples_round(30000))
        print("strings", strings_round(15000))


main()
