"""Tests written against the old assert names (assertEquals, failUnless,
assertRaisesRegexp, ...): each still works and CPython warns once per name and place,
on stderr; a program's own DeprecationWarning shows too under unittest.main()."""
import unittest
import warnings


def legacy_parse(text):
    warnings.warn("legacy_parse is deprecated", DeprecationWarning)
    return [int(x) for x in text.split()]


class OldStyle(unittest.TestCase):
    def test_equals(self):
        for n in range(3):
            self.assertEquals(n * 2, n + n)
        self.assertNotEquals(1, 2)
        self.assertAlmostEquals(0.1 + 0.2, 0.3)

    def test_truth(self):
        self.failUnless(True)
        self.failIf(False)
        self.assert_(1)

    def test_raises(self):
        self.failUnlessRaises(ZeroDivisionError, lambda: 1 / 0)
        with self.assertRaisesRegexp(ValueError, "invalid literal"):
            int("x")
        self.assertRegexpMatches("abc123", r"\d+")

    def test_legacy(self):
        self.assertEqual(legacy_parse("1 2 3"), [1, 2, 3])


if __name__ == "__main__":
    unittest.main()
