"""A test module run by unittest.main(): fixtures, cleanups, subtests and skips; every
test passes, so the run exits 0 with "OK (skipped=2)" as stderr's last line."""
import unittest


def slugify(text):
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words)


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, count=1):
        if count <= 0:
            raise ValueError("count must be positive")
        self.items[name] = self.items.get(name, 0) + count

    def remove(self, name, count=1):
        have = self.items.get(name, 0)
        if count > have:
            raise KeyError(name)
        self.items[name] = have - count
        if not self.items[name]:
            del self.items[name]


class SlugTests(unittest.TestCase):
    def test_simple(self):
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_cases(self):
        cases = [("A  B", "a-b"), ("  x!y ", "x-y"), ("", ""), ("Déjà vu", "déjà-vu")]
        for text, want in cases:
            with self.subTest(text=text):
                self.assertEqual(slugify(text), want)

    @unittest.skipIf(True, "platform quirk")
    def test_skipped(self):
        self.fail("never runs")


class InventoryTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass", cls.__name__)
        cls.shared = ["apple", "pear"]

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass", cls.__name__)

    def setUp(self):
        self.inv = Inventory()
        for name in self.shared:
            self.inv.add(name, 2)
        self.addCleanup(print, "cleanup", self._testMethodName)

    def tearDown(self):
        print("tearDown", self.id())

    def test_add(self):
        self.inv.add("apple")
        self.assertEqual(self.inv.items["apple"], 3)
        self.assertIn("pear", self.inv.items)
        self.assertDictEqual(self.inv.items, {"apple": 3, "pear": 2})

    def test_remove(self):
        self.inv.remove("pear", 2)
        self.assertNotIn("pear", self.inv.items)
        self.assertListEqual(sorted(self.inv.items), ["apple"])
        with self.assertRaises(KeyError):
            self.inv.remove("plum")

    def test_bad_count(self):
        with self.assertRaisesRegex(ValueError, "positive"):
            self.inv.add("fig", 0)
        self.assertRaises(ValueError, self.inv.add, "fig", -1)

    def test_counts(self):
        self.assertCountEqual(self.inv.items.values(), [2, 2])
        self.assertGreater(len(self.inv.items), 1)
        self.assertAlmostEqual(sum(self.inv.items.values()) / 3, 1.3333333, places=5)
        self.assertTupleEqual(tuple(self.inv.items), ("apple", "pear"))
        self.assertSetEqual(set(self.inv.items), {"pear", "apple"})
        self.assertIsInstance(self.inv.items, dict)

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(slugify("a_b"), "a_b")


@unittest.skip("needs a network")
class NetworkTests(unittest.TestCase):
    def test_fetch(self):
        pass


if __name__ == "__main__":
    unittest.main()
