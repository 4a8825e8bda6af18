"""Module and class fixtures under unittest.main(exit=False): setUpModule and
tearDownModule, a setUpClass that fails (its tests do not run; the report names it),
class cleanups, and a suite that stops at its first failure with failfast."""
import io
import re
import unittest

log = []


def setUpModule():
    log.append("setUpModule")


def tearDownModule():
    log.append("tearDownModule")


class Broken(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("Broken.setUpClass")
        raise RuntimeError("no database")

    def test_never(self):
        log.append("never")


class Working(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("Working.setUpClass")
        cls.addClassCleanup(log.append, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        log.append("Working.tearDownClass")

    def test_one(self):
        log.append("one")
        self.assertEqual(len(log) > 0, True)

    def test_two(self):
        log.append("two")


class Ordered(unittest.TestCase):
    def test_a(self):
        self.assertEqual(1, 1)

    def test_b(self):
        self.assertEqual(1, 2)

    def test_c(self):
        self.assertEqual(2, 2)


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
program = unittest.main(exit=False, testRunner=runner, argv=["prog", "Broken", "Working"])
print(re.sub(r"in \d+\.\d{3}s", "in T", stream.getvalue()))
print(log)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, failfast=True).run(unittest.TestLoader().loadTestsFromTestCase(Ordered))
print(re.sub(r"in \d+\.\d{3}s", "in T", stream.getvalue()))
print(result.testsRun, result.shouldStop, len(result.failures))
