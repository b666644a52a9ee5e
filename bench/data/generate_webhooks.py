"""Write the labelled webhook corpus: ``webhooks-dev.jsonl`` and ``webhooks-test.jsonl``.

    python bench/data/generate_webhooks.py

Standard library only, deterministic: the same files on every run (every random draw is
seeded from a fixed string, see ``corpus/rand.py``). What the corpus is and how it was
written: ``bench/data/README.md``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus.build import build_rows  # noqa: E402
from corpus.companies.brightloom import BRIGHTLOOM  # noqa: E402
from corpus.companies.kestrel import KESTREL  # noqa: E402
from corpus.companies.pennyroyal import PENNYROYAL  # noqa: E402
from corpus.split import split_rows  # noqa: E402

COMPANIES = [PENNYROYAL, KESTREL, BRIGHTLOOM]


def main() -> int:
    rows = build_rows(COMPANIES)
    pairs = {b.id: b.pair for c in COMPANIES for b in c.bugs if b.pair}
    halves = split_rows(rows, pairs)
    for half, half_rows in halves.items():
        path = HERE / f"webhooks-{half}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for row in half_rows:
                f.write(json.dumps(row, separators=(",", ":"), ensure_ascii=False) + "\n")
        groups = {r["group"] for r in half_rows}
        near = {r["group"] for r in half_rows if "near-miss" in r["classes"]}
        companies = Counter(r["company"] for r in half_rows)
        print(
            f"{path.name}: {len(half_rows)} webhooks, {len(groups)} groups, "
            f"{len(near) // 2} near-miss pairs, by company {dict(sorted(companies.items()))}"
        )
    groups = {r["group"] for r in rows}
    print(f"total: {len(rows)} webhooks, {len(groups)} groups, {len(pairs) // 2} near-miss pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
