import io
import re
import sys
import unittest


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()


class StackTests(unittest.TestCase):
    def setUp(self):
        self.s = Stack()

    def test_push_pop(self):
        self.s.push(1)
        self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(self.s.items, [1])

    def test_empty(self):
        """Popping an empty stack raises."""
        with self.assertRaises(IndexError) as cm:
            self.s.pop()
        self.assertEqual(str(cm.exception), "pop from empty stack")
        self.assertRaises(IndexError, self.s.pop)

    def test_misc(self):
        self.assertTrue([1])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, {1: 2})
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertGreater(2, 1)
        self.assertLessEqual(2, 2)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("hello world", r"wor")
        self.assertSetEqual({1, 2}, {2, 1})

    def test_fails(self):
        self.assertEqual(1 + 1, 3)

    def test_errors(self):
        raise KeyError("missing")

    @unittest.skip("not ready")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)


def messages():
    t = unittest.TestCase()
    checks = [
        lambda: t.assertEqual(1, 2),
        lambda: t.assertEqual(1, 2, "custom"),
        lambda: t.assertNotEqual(3, 3),
        lambda: t.assertTrue(0),
        lambda: t.assertFalse([1]),
        lambda: t.assertIs(1, None),
        lambda: t.assertIsNot(None, None),
        lambda: t.assertIsNone(5),
        lambda: t.assertIsNotNone(None),
        lambda: t.assertIn("x", "abc"),
        lambda: t.assertNotIn(1, [1]),
        lambda: t.assertIsInstance("a", int),
        lambda: t.assertNotIsInstance(1, int),
        lambda: t.assertGreater(1, 2),
        lambda: t.assertGreaterEqual(1, 2),
        lambda: t.assertLess(2, 1),
        lambda: t.assertLessEqual(3, 1),
        lambda: t.assertAlmostEqual(1.0, 1.1),
        lambda: t.assertAlmostEqual(1.0, 1.1, places=3),
        lambda: t.assertAlmostEqual(1.0, 1.5, delta=0.1),
        lambda: t.assertNotAlmostEqual(1.0, 1.0 + 1e-9),
        lambda: t.assertCountEqual([1, 2, 2, 3], [3, 3, 1]),
        lambda: t.assertCountEqual([[1], [2]], [[2], [2]]),
        lambda: t.assertSetEqual({1, 2}, {2, 3}),
        lambda: t.assertRegex("abc", "x+"),
        lambda: t.assertNotRegex("abc", "b"),
        lambda: t.fail("boom"),
        lambda: t.assertEqual(10 ** 100, 10 ** 100 + 1),
        lambda: t.assertEqual(list(range(40)), 5),
        lambda: t.assertEqual("hello world\n", "hello there\n"),
        lambda: t.assertEqual("abc", "abd"),
        lambda: t.assertEqual("one\ntwo\nthree", "one\n2\nthree\nfour"),
        lambda: t.assertEqual([1, 2, 3], [1, 2, 4]),
        lambda: t.assertEqual((1, 2), (1, 2, 3), "tuples"),
        lambda: t.assertEqual(["a", "b", "c"], ["a"]),
        lambda: t.assertEqual({"a": 1, "b": 2}, {"a": 1, "b": 3}),
        lambda: t.assertEqual({"name": "widget", "sizes": list(range(30))}, {"name": "widget", "sizes": list(range(31))}),
        lambda: t.assertEqual(list(range(100)), list(range(1, 101))),
        lambda: t.assertSequenceEqual([1, 2], (1, 2)),
        lambda: t.assertSequenceEqual("ab", "ac"),
        lambda: t.assertListEqual([1], (1,)),
    ]
    for check in checks:
        try:
            check()
        except AssertionError as e:
            print("AssertionError:", e)
        else:
            print("passed")
    try:
        with t.assertRaises(ValueError):
            pass
    except AssertionError as e:
        print(e)
    try:
        t.assertRaises(ValueError, int, "5")
    except AssertionError as e:
        print(e)
    try:
        with t.assertRaisesRegex(ValueError, "^abc"):
            raise ValueError("xyz")
    except AssertionError as e:
        print(e)
    with t.assertRaisesRegex(ValueError, "invalid literal"):
        int("x")


messages()
stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
suite = unittest.defaultTestLoader.loadTestsFromTestCase(StackTests)
print(suite.countTestCases())
result = runner.run(suite)
print(re.sub(r"\d+\.\d\d\ds", "T", stream.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), result.wasSuccessful())
stream = io.StringIO()
unittest.TextTestRunner(stream=stream).run(unittest.defaultTestLoader.loadTestsFromTestCase(StackTests))
print(re.sub(r"\d+\.\d\d\ds", "T", stream.getvalue()))
stream = io.StringIO()
prog = unittest.main(exit=False, testRunner=unittest.TextTestRunner(stream=stream, verbosity=0))
print(re.sub(r"\d+\.\d\d\ds", "T", stream.getvalue()))
print(prog.result)
