"""The item page: state as badges, safe links and markdown, the delivery history, details."""

from __future__ import annotations

import html
import re
from typing import Any

from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.history import RawBody
from soulcaster_core.testing import SoulcasterClient

from .conftest import HTML

BODY = """The checkout **fails** for `EUR` carts:

- on Safari
- on Firefox

```python
def __init__(self, *args, **kwargs): ...
```

See [the runbook](https://wiki.example/runbook) or [this](javascript:alert(1)).
<script>alert('body')</script> <img src=x onerror=alert(1)>
"""


def ingest(dashboard: SoulcasterClient, item: FeedbackItem, **kwargs: Any) -> str:
    portal = dashboard.http.portal
    assert portal is not None
    result = portal.call(lambda: dashboard.store.ingest(item, **kwargs))
    return str(result.id)


def checkout_error(**fields: Any) -> FeedbackItem:
    base: dict[str, Any] = {
        "project_id": "test",
        "source": "manual",
        "external_id": "checkout-1",
        "title": "Checkout fails for EUR carts",
        "body": BODY,
        "level": "error",
        "service": "checkout",
        "release": "web@3.1.0",
        "links": {"sentry": "https://acme.sentry.io/issues/42/", "bad": "javascript:alert(2)"},
        "tags": {"env": "production"},
        "metadata": {
            "status": "unresolved",
            "priority": "P2",
            "culprit": "pricing.total",
            "dashboard": "https://grafana.example/d/checkout",
            "evil": "javascript:alert(3)",
            "owner": None,
        },
    }
    base.update(fields)
    return FeedbackItem(**base)


def page_of(dashboard: SoulcasterClient, item_id: str) -> str:
    response = dashboard.http.get(f"/feedback/{item_id}")
    assert response.status_code == 200, response.text
    return response.text


def section(page: str, testid: str) -> str:
    """The inner HTML of the element marked ``data-testid=testid`` (none of them nest)."""
    found = re.search(rf'<(\w+)[^>]*data-testid="{testid}"[^>]*>(.*?)</\1>', page, re.S)
    assert found, f"no {testid} on the page"
    return found.group(2)


def test_state_is_shown_as_badges(dashboard: SoulcasterClient) -> None:
    page = page_of(dashboard, ingest(dashboard, checkout_error()))
    badges = section(page, "item-badges")
    assert re.search(
        r'data-badge="status"><span class="state-name">status</span> unresolved', badges
    )
    assert 'class="state state-red" data-badge="level"' in badges
    assert "P2" in badges
    assert "<dt>Service</dt>" in page and "web@3.1.0" in page


def test_only_http_links_are_clickable(dashboard: SoulcasterClient) -> None:
    page = page_of(dashboard, ingest(dashboard, checkout_error()))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "https://acme.sentry.io/issues/42/" in hrefs
    assert "https://grafana.example/d/checkout" in hrefs, "a URL in the metadata is a link"
    assert "https://wiki.example/runbook" in hrefs, "a markdown link in the body"
    assert not [h for h in hrefs if "javascript" in h.lower()]
    assert "javascript:alert(3)" in html.unescape(page), "shown as text, not dropped"


def test_the_body_is_rendered_as_safe_markdown(dashboard: SoulcasterClient) -> None:
    page = page_of(dashboard, ingest(dashboard, checkout_error()))
    body = section(page, "item-body")
    assert "<strong>fails</strong>" in body and "<code>EUR</code>" in body
    assert "<li>on Safari</li>" in body
    assert "def __init__(self, *args, **kwargs)" in html.unescape(body), "code kept as written"
    assert "<script>" not in page.replace('<script src="/static/', "")
    assert "&lt;script&gt;alert('body')&lt;/script&gt;" in body
    assert "<img" not in body
    csp = dashboard.http.get("/feedback").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_a_trace_in_a_plain_body_keeps_its_lines(dashboard: SoulcasterClient) -> None:
    trace = 'Traceback (most recent call last):\n  File "app/__init__.py", line 3\nKeyError: x'
    page = page_of(dashboard, ingest(dashboard, checkout_error(body=trace)))
    assert f"<pre><code>{html.escape(trace, quote=True)}\n</code></pre>" in page


def test_the_stack_trace_is_shown_when_the_body_lacks_it(dashboard: SoulcasterClient) -> None:
    exceptions = [
        ExceptionInfo(
            type="KeyError",
            value="'EUR'",
            frames=[Frame(filename="pricing.py", lineno=41, function="total", in_app=True)],
        )
    ]
    page = page_of(dashboard, ingest(dashboard, checkout_error(exceptions=exceptions)))
    trace = section(page, "item-trace")
    assert "&gt; pricing.py:41 in total" in trace and "KeyError: &#39;EUR&#39;" in trace


def test_the_history_lists_each_delivery_with_its_raw_body(dashboard: SoulcasterClient) -> None:
    raw = RawBody("application/json", b'{"status": "unresolved", "<b>": 1}')
    item_id = ingest(dashboard, checkout_error(), raw=raw)
    resolved = checkout_error(metadata={"status": "resolved"})
    ingest(dashboard, resolved, occurrence=False, delivery_id="req-7")
    table = section(page_of(dashboard, item_id), "item-deliveries")
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)[1:]
    assert len(rows) == 2
    assert "updated" in rows[0] and "unresolved → resolved" in rows[0] and "req-7" in rows[0]
    assert "created" in rows[1] and f"{len(raw.body)} bytes" in rows[1]
    link = re.search(r'href="([^"]*/raw[^"]*)"', rows[1])
    assert link is not None
    body = dashboard.http.get(html.unescape(link.group(1)))
    assert body.status_code == 200
    assert body.content == raw.body
    assert body.headers["content-type"].startswith("text/plain")
    assert "sandbox" in body.headers["content-security-policy"]
    missing = dashboard.http.get(f"/feedback/{item_id}/events/nope/raw", headers=HTML)
    assert missing.status_code == 404


def test_empty_fields_and_bookkeeping_wait_behind_details(dashboard: SoulcasterClient) -> None:
    item_id = ingest(dashboard, checkout_error())
    portal = dashboard.http.portal
    assert portal is not None
    portal.call(dashboard.store.set_item_cluster, "test", item_id, None, {"method": "signature"})
    page = page_of(dashboard, item_id)
    details = section(page, "item-details")
    assert details.lstrip().startswith("<summary>Details")
    for hidden in ("metadata.owner", "metadata.clustering", "external_id", "trace_id"):
        assert f'<dt class="mono">{hidden}</dt>' in details, hidden
    visible = page.split('data-testid="item-details"')[0]
    # The clustering record itself is bookkeeping; the page says in words how it decided.
    assert "metadata.owner" not in visible and '"method"' not in visible
    assert "same template" in section(page, "item-grouping")
    assert "culprit" in visible
