"""unittest.main(exit=False, verbosity=2): the report goes on, then the program goes on;
a suite built by hand and a FunctionTestCase run through their own runner."""
import io
import re
import unittest


class Temperature:
    def __init__(self, celsius):
        if celsius < -273.15:
            raise ValueError("below absolute zero")
        self.celsius = celsius

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32


class TemperatureTests(unittest.TestCase):
    def test_freezing(self):
        """Water freezes at 32 F."""
        self.assertEqual(Temperature(0).fahrenheit, 32)

    def test_body(self):
        self.assertAlmostEqual(Temperature(37).fahrenheit, 98.6)

    def test_too_cold(self):
        with self.assertRaises(ValueError) as cm:
            Temperature(-300)
        self.assertEqual(cm.exception.args, ("below absolute zero",))

    def test_identity(self):
        t = Temperature(10)
        self.assertIs(t, t)
        self.assertIsNot(t, Temperature(10))
        self.assertIsNone(None)
        self.assertIsNotNone(t)
        self.assertLess(t.celsius, 11)
        self.assertLessEqual(t.celsius, 10)
        self.assertGreaterEqual(t.celsius, 10)
        self.assertNotEqual(t.celsius, 11)
        self.assertNotAlmostEqual(t.fahrenheit, 50.1)
        self.assertRegex(str(t.fahrenheit), r"^50\.0$")

    def test_skip_inside(self):
        if Temperature(0).fahrenheit == 32:
            self.skipTest("nothing more to check")
        self.fail("not reached")


def check_boiling():
    assert Temperature(100).fahrenheit == 212


program = unittest.main(exit=False, verbosity=2)
result = program.result
print("run", result.testsRun, "failures", len(result.failures), "errors", len(result.errors),
      "skipped", [(t.id(), why) for t, why in result.skipped])

suite = unittest.TestSuite()
suite.addTest(TemperatureTests("test_body"))
suite.addTests([TemperatureTests("test_freezing"), unittest.FunctionTestCase(check_boiling)])
print(suite.countTestCases())
stream = io.StringIO()
outcome = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(re.sub(r"in \d+\.\d{3}s", "in T", stream.getvalue()))
print(outcome.wasSuccessful(), outcome)
names = unittest.TestLoader().getTestCaseNames(TemperatureTests)
print(names)
print(TemperatureTests("test_body"), repr(TemperatureTests("test_body")))
print(TemperatureTests("test_freezing").shortDescription())
try:
    TemperatureTests("test_missing")
except ValueError as e:
    print(e)
