"""Save the docs' screenshots (docs/screenshots/*.png), taken by the browser tests themselves.

    .venv/bin/python tests/dashboard/screenshots.py [output-dir]

Runs the dashboard's browser tests (``pytest -m browser tests/dashboard``) with
``SOULCASTER_SCREENSHOTS`` set to the folder: each test saves the pages it has just checked
(``conftest.save_screenshot``), so a screenshot shows what a passing test saw. Fails when a
test fails, or when a screenshot that README.md or docs/dashboard.md shows was not taken.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOWN_BY = [ROOT / "README.md", ROOT / "docs" / "dashboard.md"]


def shown() -> set[str]:
    """The screenshots the docs show (their file names)."""
    found = set()
    for doc in SHOWN_BY:
        found |= set(re.findall(r"screenshots/([\w-]+\.png)\)", doc.read_text()))
    return found


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    env = {**os.environ, "SOULCASTER_SCREENSHOTS": str(out.resolve())}
    command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider"]
    done = subprocess.run([*command, "-m", "browser", "tests/dashboard"], env=env, cwd=ROOT)
    if done.returncode:
        return done.returncode
    stale = sorted(
        name
        for name in shown()
        if not (out / name).exists() or (out / name).stat().st_mtime < started
    )
    if stale:
        print(f"not taken by any test: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    )
