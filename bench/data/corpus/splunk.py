"""Splunk's built-in webhook alert action: ``OrderedDict(sid, search_name, app, owner,
results_link, result)`` serialised with ``json.dumps`` ($SPLUNK_HOME/etc/apps/alert_webhook/
bin/webhook.py), one POST per result row with "For each result" triggering.

Every value in ``result`` is a string, multivalue fields are lists of strings; ``_time`` is
epoch seconds as a string (usually with a fraction); stats rows have no ``_raw``/``_time``.
The only headers are Content-Type and ``User-Agent: Splunk/<server guid>``.
"""

from __future__ import annotations

from typing import Any

from .delivery import Delivery
from .logs import FORMATS


def _sid(d: Delivery, owner: str, app: str) -> str:
    """A scheduled search's job id: the run's epoch (scheduled every 5 minutes), a serial."""
    run = int(d.when) - int(d.when) % 300
    return f"scheduler__{owner}__{app}__RMD5{d.rand.hex(16)}_at_{run}_{d.rand.randint(100, 9999)}"


def _row(d: Delivery) -> dict[str, Any]:
    s = d.service
    indexer = f"idx-{d.rand.randint(1, 6):02d}"
    if "stats" in d.opts:
        stats = d.opts["stats"]
        assert isinstance(stats, dict)
        return {str(k): d.values.fill(str(v)) for k, v in stats.items()}
    if "line" in d.opts:
        raw, fields = d.values.fill(str(d.opts["line"])), dict[str, str]()
    else:
        raw, fields = FORMATS[str(d.opts.get("format", s.log_format))](d)
    row: dict[str, Any] = {
        "_raw": raw,
        "_time": f"{d.when:.3f}" if d.index % 4 else str(int(d.when)),
        "_serial": str(d.rand.randint(0, 3)),
        "_si": [indexer, s.index],
        "host": d.host,
        "index": s.index,
        "linecount": str(raw.count("\n") + 1),
        "source": str(d.opts.get("source", s.source)),
        "sourcetype": str(d.opts.get("sourcetype", s.sourcetype)),
        "splunk_server": indexer,
    }
    row.update(fields)
    return row


def render(d: Delivery, tool: str) -> tuple[dict[str, str], dict[str, Any]]:
    c = d.company
    owner, app = str(d.opts.get("owner", "svc_alerts")), str(d.opts.get("app", "search"))
    search = str(d.opts.get("search", f"{d.service.name} - errors"))
    sid = _sid(d, owner, app)
    body = {
        "sid": sid,
        "search_name": search,
        "app": app,
        "owner": owner,
        "results_link": f"{c.splunk_url}/app/{app}/@go?sid={sid}",
        "result": _row(d),
    }
    headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{c.splunk_guid}"}
    return headers, body
