# Variable annotations in class and module bodies land in __annotations__.
from typing import List, Dict, Optional

limit: int = 10
names: List[str]
print(__annotations__ == {"limit": int, "names": List[str]} or sorted(__annotations__))


class Config:
    host: str = "localhost"
    port: int
    if limit > 5:
        debug: bool = True
    retries = 3

    def describe(self) -> str:
        return self.host + ":" + str(getattr(self, "port", None))


class Child(Config):
    pass


print(Config.__annotations__, Config.host, Config.debug)
print(Child.__annotations__, Child().describe())
print(list(Config.__annotations__))
