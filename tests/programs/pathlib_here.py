"""A script that finds files beside itself through pathlib: its own source read and
counted, its directory's other programs listed by suffix and stem, a file beside it opened."""
from pathlib import Path

here = Path(__file__).resolve()
print(here.name, here.suffix, here.stem, here.parent.name, here.is_file(), here.parent.is_dir())
lines = here.read_text().splitlines()
print(len(lines), lines[0])
siblings = sorted(p.stem for p in here.parent.glob("pathlib_*.py"))
print(siblings)
print(sorted({p.suffix for p in here.parent.iterdir() if p.stem == "pathlib_tour" and p.suffix != ".stdout"}))
print((here.parent / "COVERAGE.md").exists(), (here.parent / "nope.txt").exists())
print(here.relative_to(here.parent.parent), here.parent.parent.name == "tests")
with open(here.parent / "COVERAGE.md") as f:
    print(f.readline().rstrip())
