"""Per-file totals of a pytest run's ``--durations=0`` output: where the suite's time goes.

    python -m pytest -q -p no:cacheprovider -n 2 --durations=0 > run.txt
    python -m tests.support.durations run.txt [--top 30]

Prints each file's seconds (setup + call + teardown, summed over xdist workers: worker
seconds, not wall time) and how many tests it ran, largest first, then the total. pytest hides
phases under 5 ms unless ``-vv`` is given: those are not counted.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

#: ``1.23s call     tests/test_x.py::test_y[param]``
LINE = re.compile(
    r"^(?P<seconds>\d+(?:\.\d+)?)s (?P<phase>setup|call|teardown)\s+(?P<file>[^:\s]+)::"
)


def per_file(text: str) -> tuple[Counter[str], Counter[str]]:
    """Seconds and calls per file."""
    seconds: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    for line in text.splitlines():
        found = LINE.match(line)
        if found is None:
            continue
        seconds[found["file"]] += float(found["seconds"])
        if found["phase"] == "call":
            calls[found["file"]] += 1
    return seconds, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="what pytest --durations=0 printed")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    seconds, calls = per_file(args.output.read_text())
    for name, total in seconds.most_common(args.top):
        print(f"{total:8.2f} s {calls[name]:5d} tests  {name}")
    print(f"{sum(seconds.values()):8.2f} s {sum(calls.values()):5d} tests  (all files)")


if __name__ == "__main__":
    main()
