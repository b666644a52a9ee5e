"""Why an item is in its cluster, in words a person can check (the API and the item page).

The assignment stored with the item says how it was decided (``method``: the key kind that
matched, ``template``/``nearest`` for an embedding, ``new``, or ``manual``); what grouping read
of the item (type, canonical message, the application frames, the service, or a log's
template) follows from the item itself, so it is worked out when asked rather than stored with
every item.
"""

from __future__ import annotations

from typing import Any

from ..models import FeedbackItem
from .document import document_for

#: What each method means, for a reader.
METHODS = {
    "frames": "same exception type and innermost application frame",
    "message": "same exception type and message, no contradicting frames",
    "page": "same exception type and message on the same page or route, without a stack",
    "service": "same exception type in the same service (an alert without a trace)",
    "entry": "an alert naming the entry point (task, job) of the error's stack",
    "request": "same request and answer in an access log line (method, route, status)",
    "place": "same exception type and message, raised in the file a log line names",
    "signature": "same template",
    "skeleton": "same template but for values of several words",
    "template": "same template but for values (embedding neighbour)",
    "nearest": "most similar problem above the threshold (embedding)",
    "ambiguous": "a message several problems share, quoted without more: kept apart from them",
    "unsaid": "says only that a request failed, not with which error: a cluster of its own",
    "new": "nothing like it before: a cluster of its own",
    "manual": "placed by a person",
}


def grouping_of(item: FeedbackItem) -> dict[str, Any] | None:
    """How ``item`` was grouped and what grouping read of it; ``None`` before clustering."""
    record = item.metadata.get("clustering")
    if not isinstance(record, dict) or "method" not in record:
        return None
    doc = document_for(item)
    method = str(record.get("method"))
    return {
        "method": method,
        "reason": METHODS.get(method, method),
        "algorithm": record.get("algorithm"),
        "similarity": record.get("similarity"),
        "key": doc.signature,
        **doc.explain(),
    }
