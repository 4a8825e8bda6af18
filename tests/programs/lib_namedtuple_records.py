# Employee records as namedtuples: sorting by fields, updating, grouping.
from collections import namedtuple, defaultdict

Employee = namedtuple("Employee", "name dept salary years")
Point = namedtuple("Point", ["x", "y"])
Config = namedtuple("Config", "host port debug", defaults=[8080, False])

staff = [
    Employee("ada", "eng", 120, 5),
    Employee("bob", "ops", 90, 3),
    Employee("cyd", "eng", 105, 8),
    Employee(name="dee", dept="hr", salary=80, years=1),
    Employee("eve", "ops", 95, 6),
]

for e in sorted(staff, key=lambda e: (e.dept, -e.salary)):
    print(e)
print(max(staff, key=lambda e: e.years).name)

by_dept = defaultdict(list)
for e in staff:
    by_dept[e.dept].append(e.name)
print(dict(by_dept))

raised = [e._replace(salary=e.salary + 10) if e.dept == "ops" else e for e in staff]
print(raised[1], raised[1] == staff[1], raised[0] == staff[0])
print(staff[2]._asdict())
print(Employee._fields, staff[0]._fields)

p = Point(3, 4)
x, y = p
print(p, x, y, p[0] + p[1], len(p), p == (3, 4), p == Point(3, 4))
print(Point._make([5, 6]), tuple(p), list(p))
print({p: "here"}[Point(3, 4)], hash(p) == hash((3, 4)))
pts = [Point(2, 1), Point(1, 5), Point(1, 2)]
print(sorted(pts))
print(Config("localhost"), Config("db", 5432), Config("x", debug=True))
try:
    Point(1)
except TypeError as err:
    print("TypeError:", err)
try:
    Point(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)
