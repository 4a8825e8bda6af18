from typing import TypedDict, List, Optional


class Movie(TypedDict):
    title: str
    year: int


class Rated(Movie, total=False):
    rating: float
    tags: List[str]


def describe(m: Movie) -> str:
    return f"{m['title']} ({m['year']})"


m = Movie(title="Alien", year=1979)
r: Rated = {"title": "Heat", "year": 1995, "rating": 8.3}
print(m, type(m), type(m) is dict, describe(m), describe(r))
print(Movie.__name__, Movie.__bases__, Rated.__mro__, Rated.__total__, Movie.__total__)
print(sorted(Rated.__required_keys__), sorted(Rated.__optional_keys__), list(Rated.__annotations__))
print(Rated(title="x", year=1, rating=2.0, tags=["a"]), Movie({"title": "y", "year": 2}))
Point = TypedDict("Point", {"x": int, "y": int})
p = Point(x=1, y=2)
p["z"] = 3
print(p, Point.__name__, sorted(Point.__required_keys__), TypedDict("Opt", {"a": int}, total=False).__optional_keys__)
movies: List[Movie] = [Movie(title="B", year=2001), Movie(title="A", year=1999)]
movies.sort(key=lambda mv: mv["year"])
print([mv["title"] for mv in movies], Movie(), m.get("rating"), {**m, "year": 1980})
try:
    isinstance(m, Movie)
except TypeError as e:
    print("TypeError:", e)


class Plugin:
    __version__ = "1.2"
    __author__ = "me"
    __tags__ = ("a", "b")


print(Plugin.__version__, Plugin().__author__, Plugin.__tags__)
