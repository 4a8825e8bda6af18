# json with encoder and decoder classes: a JSONEncoder subclass's default() for sets,
# dates and objects, dumps(cls=...) with the other keywords, JSONDecoder with an
# object_hook, and the TypeError of an object nothing can encode.
import json
import datetime


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class AppEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, datetime.date):
            return o.isoformat()
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        return super().default(o)


record = {"tags": {"b", "a"}, "when": datetime.date(2024, 5, 6), "at": Point(1, 2), "n": 3}
print(json.dumps(record, cls=AppEncoder))
print(json.dumps(record, cls=AppEncoder, sort_keys=True, indent=2))
print(json.dumps([frozenset([3, 1])], cls=AppEncoder, separators=(",", ":")))
enc = AppEncoder(sort_keys=True)
print(enc.encode({"z": Point(0, 0), "a": {1}}), "".join(enc.iterencode([1, {2}])))


def as_point(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


text = json.dumps(record, cls=AppEncoder)
back = json.loads(text, object_hook=as_point)
print(type(back["at"]).__name__, back["at"].x, back["tags"], back["when"])


class PointDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=as_point, **kw)


back = json.loads(text, cls=PointDecoder)
print(type(back["at"]).__name__, back["at"].y)
try:
    json.dumps({"p": object()}, cls=AppEncoder)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(Point(1, 1))
except TypeError as e:
    print("TypeError:", e)
