"""What each installed source costs per webhook, before the store: parse, filter and map.

For every installed source, times ``parse_request`` → ``accept`` → ``counts_as_occurrence`` →
``to_feedback_item`` → ``model_dump_json`` on the source's own sample webhook and on the
webhook ``bench/ingest.py`` sends for it, and in the same run ``json.loads`` of the same bytes,
which no source can do without. Prints microseconds per webhook and the ratio to that baseline
(the machine is shared; ratios are steadier than times).

    python bench/mapping.py [--sources datadog,sentry] [--rounds 5] [--number 2000] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import timeit
from pathlib import Path
from typing import Any

from starlette.datastructures import Headers

from soulcaster_core.handler import WebhookHandler, WebhookRequest
from soulcaster_core.plugins import load_plugins

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import BENCH_BODIES

JSON_HEADERS = Headers({"content-type": "application/json"})


def pipeline_of(handler: WebhookHandler[Any, Any], request: WebhookRequest) -> Any:
    config = handler.Config()
    many = handler.maps_many()

    def run() -> None:
        event = handler.parse_request(request)
        handler.accept(event, config)
        handler.counts_as_occurrence(event)
        if many:
            for item in handler.to_feedback_items(event, "bench"):
                item.model_dump_json()
        else:
            handler.to_feedback_item(event, "bench").model_dump_json()

    run()  # fails loudly here, not inside the timer, if the sample does not map
    return run


def best_of(fn: Any, rounds: int, number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=rounds)) / number * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sources", default="", help="comma-separated; default: all installed")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--number", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    args = parser.parse_args()

    host = load_plugins()
    wanted = [s for s in args.sources.split(",") if s] or sorted(host.handlers)
    results: dict[str, dict[str, float]] = {}
    for source in wanted:
        handler = host.handler(source)
        if handler is None:
            print(f"{source}: not installed", file=sys.stderr)
            return 2
        requests = {"sample": handler.sample_request(handler.Config())}
        if source in BENCH_BODIES:
            body = BENCH_BODIES[source].encode()
            # Sent as bench/ingest.py sends it: no signature, so no secret is configured.
            requests["bench"] = WebhookRequest(body=body, headers=JSON_HEADERS)
        for kind, request in requests.items():
            body = request.body
            baseline = best_of(lambda body=body: json.loads(body), args.rounds, args.number)
            cost = best_of(pipeline_of(handler, request), args.rounds, args.number)
            results[f"{source}/{kind}"] = {
                "us": cost,
                "json_loads_us": baseline,
                "ratio_to_json_loads": cost / baseline,
            }

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'webhook':<18} {'us':>8} {'json.loads us':>14} {'x json.loads':>13}")
        for name, r in results.items():
            print(
                f"{name:<18} {r['us']:>8.1f} {r['json_loads_us']:>14.1f}"
                f" {r['ratio_to_json_loads']:>13.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
