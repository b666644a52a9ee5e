"""Items as the plugins make them, for the incident tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def item(
    minutes: float,
    *,
    source: str = "datadog",
    title: str = "[P1] Triggered: error rate on checkout",
    level: str | None = "error",
    service: str | None = "checkout",
    environment: str | None = "production",
    trace_id: str | None = None,
    status: str | None = None,
    tags: dict[str, str] | None = None,
    exception: str | None = None,
    project_id: str = "acme",
    external_id: str | None = None,
    **fields: Any,
) -> FeedbackItem:
    metadata = {"status": status} if status else {}
    exceptions = [ExceptionInfo(type=exception, value="boom")] if exception else []
    return FeedbackItem(
        project_id=project_id,
        source=source,
        external_id=external_id or f"{source}-{minutes}-{title}",
        title=title,
        level=level,
        service=service,
        environment=environment,
        trace_id=trace_id,
        metadata=metadata,
        tags=tags or {},
        exceptions=exceptions,
        created_at=at(minutes),
        **fields,
    )
