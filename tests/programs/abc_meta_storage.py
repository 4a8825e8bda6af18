# Storage backends behind an interface declared the older way, with metaclass=ABCMeta.
import abc
from abc import ABCMeta, abstractmethod


class Storage(metaclass=ABCMeta):
    """Where a key-value cache keeps its entries."""

    @abstractmethod
    def get(self, key):
        raise NotImplementedError

    @abstractmethod
    def put(self, key, value):
        raise NotImplementedError

    @property
    @abstractmethod
    def size(self):
        ...

    def get_or(self, key, default):
        value = self.get(key)
        return default if value is None else value


class MemoryStorage(Storage):
    def __init__(self):
        self._data = {}

    def get(self, key):
        return self._data.get(key)

    def put(self, key, value):
        self._data[key] = value

    @property
    def size(self):
        return len(self._data)


class BoundedStorage(MemoryStorage):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit
        self.evicted = []

    def put(self, key, value):
        if key not in self._data and self.size >= self.limit:
            oldest = next(iter(self._data))
            self.evicted.append(oldest)
            del self._data[oldest]
        super().put(key, value)


class Incomplete(Storage):
    def get(self, key):
        return None


class Tagged(BoundedStorage, metaclass=abc.ABCMeta):
    @abstractmethod
    def tag(self):
        ...


print(sorted(Storage.__abstractmethods__), sorted(Incomplete.__abstractmethods__))
print(MemoryStorage.__abstractmethods__, sorted(Tagged.__abstractmethods__))
for cls in (Storage, Incomplete, Tagged):
    try:
        cls()
    except TypeError as e:
        print(f"{cls.__name__}: {e}")

store = BoundedStorage(3)
for i, word in enumerate("alpha beta gamma delta alpha epsilon".split()):
    store.put(word, i)
print(store.size, store.evicted, store.get_or("beta", -1), store.get_or("epsilon", -1))
print(isinstance(store, Storage), issubclass(BoundedStorage, Storage), isinstance(Storage, ABCMeta))
print(isinstance(MemoryStorage, type), isinstance(store, ABCMeta), ABCMeta.__name__)


class Config(metaclass=type):
    debug = False


print(Config.debug, type(Config()).__name__)
