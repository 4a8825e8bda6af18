"""unittest.main() over tests that fail and err: the reports on stderr and exit code 1."""
import unittest


def parse_pair(text):
    left, right = text.split(",")
    return int(left), int(right)


class ParseTests(unittest.TestCase):
    def test_good(self):
        self.assertEqual(parse_pair("3,4"), (3, 4))

    def test_wrong_expectation(self):
        self.assertEqual(parse_pair("1,2")[0], 2, "pairs keep their order")

    def test_bad_input(self):
        parse_pair("1;2")

    def test_each(self):
        for text in ["1,1", "2,3", "5,5"]:
            with self.subTest(text):
                a, b = parse_pair(text)
                self.assertTrue(a == b)


if __name__ == "__main__":
    unittest.main()
    print("not reached")
