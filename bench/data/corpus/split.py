"""Every group to exactly one half, near-miss partners together, the halves balanced by
company, by class and by size; the same split on every run."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .rand import stable_int

HALVES = ("dev", "test")


def _units(rows: list[dict[str, Any]], pairs: dict[str, str]) -> list[list[str]]:
    groups = sorted({r["group"] for r in rows})
    seen: set[str] = set()
    units = []
    for g in groups:
        if g in seen:
            continue
        unit = sorted({g, pairs[g]}) if g in pairs else [g]
        seen.update(unit)
        units.append(unit)
    return units


def _features(unit: list[str], rows_of: dict[str, list[dict[str, Any]]]) -> Counter[str]:
    f: Counter[str] = Counter()
    for g in unit:
        rows = rows_of[g]
        f["groups"] += 1
        f["rows"] += len(rows)
        f[f"company:{rows[0]['company']}"] += 1
        f[f"company-rows:{rows[0]['company']}"] += len(rows)
        for c in {c for r in rows for c in r["classes"]}:
            f[f"class:{c}"] += 1
        for source in {r["source"] for r in rows}:
            f[f"source:{source}"] += 1
    return f


def split_rows(
    rows: list[dict[str, Any]], pairs: dict[str, str]
) -> dict[str, list[dict[str, Any]]]:
    rows_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        rows_of[row["group"]].append(row)
    units = _units(rows, pairs)
    feats = {tuple(u): _features(u, rows_of) for u in units}
    # Big units first, the rest in a fixed pseudo-random order.
    units.sort(key=lambda u: (-feats[tuple(u)]["rows"], stable_int("split", *u)))
    totals = {h: Counter[str]() for h in HALVES}
    half_of: dict[str, str] = {}
    for unit in units:
        f = feats[tuple(unit)]

        def imbalance(h: str, f: Counter[str] = f, unit: list[str] = unit) -> tuple[float, int]:
            other = HALVES[1 - HALVES.index(h)]
            cost = 0.0
            for key, v in f.items():
                weight = (
                    0.1
                    if "rows" in key
                    else (2.0 if key.startswith(("class:", "company:")) else 0.5)
                )
                cost += weight * (
                    (totals[h][key] + v - totals[other][key]) ** 2
                    - (totals[h][key] - totals[other][key]) ** 2
                )
            return cost, stable_int("tie", h, *unit) % 2

        half = min(HALVES, key=imbalance)
        totals[half].update(f)
        for g in unit:
            half_of[g] = half
    out: dict[str, list[dict[str, Any]]] = {h: [] for h in HALVES}
    for row in rows:
        out[half_of[row["group"]]].append(row)
    return out
