"""Items as the source plugins map them (title, body, raw text, metadata), for one bug seen by
four tools, a near miss of it, and an unrelated alert."""

from __future__ import annotations

import uuid
from typing import Any

from soulcaster_core.models import FeedbackItem

PROJECT = "acme"

EXCEPTIONS = [
    {
        "type": "KeyError",
        "value": "'user_id'",
        "frames": [
            {"function": "dispatch", "filename": "django/core/handlers/base.py", "in_app": False},
            {
                "function": "profile_view",
                "filename": "accounts/views.py",
                "lineno": 31,
                "in_app": True,
            },
            {
                "function": "load_profile",
                "filename": "accounts/profiles.py",
                "lineno": 57,
                "in_app": True,
            },
        ],
    }
]


def item(
    source: str,
    title: str,
    body: str = "",
    exceptions: list[dict[str, Any]] | None = None,
    **metadata: Any,
) -> FeedbackItem:
    return FeedbackItem(
        project_id=PROJECT,
        source=source,
        external_id=uuid.uuid4().hex,
        title=title,
        body=body,
        raw_text=f"{title}\n{body}",
        metadata=metadata,
        exceptions=exceptions or [],
    )


def sentry_error() -> FeedbackItem:
    return item("sentry", "KeyError: 'user_id'", "KeyError: 'user_id'", exceptions=EXCEPTIONS)


def sentry_issue() -> FeedbackItem:
    """An issue webhook: the exception and one frame, from the issue's metadata."""
    frame = {"function": "load_profile", "filename": "accounts/profiles.py", "in_app": True}
    return item(
        "sentry",
        "KeyError: 'user_id'",
        exceptions=[{"type": "KeyError", "value": "'user_id'", "frames": [frame]}],
    )


def posthog_exception(user: str = "ana@example.com") -> FeedbackItem:
    """A ``$exception`` event: its frames as PostHog sends them, another release's lines."""
    frames = [
        {"function": "dispatch", "filename": "django/core/handlers/base.py", "in_app": False},
        {"function": "profile_view", "filename": "accounts/views.py", "lineno": 33, "in_app": True},
        {"function": "load_profile", "filename": "accounts/profiles.py", "in_app": True},
    ]
    body = f"KeyError: 'user_id'\n\nurl: https://app.example.com/profile?u={user}"
    return item(
        "posthog",
        "KeyError: 'user_id'",
        body,
        exceptions=[{"type": "KeyError", "value": "'user_id'", "frames": frames}],
    )


def splunk_log(request_id: str = "4f1c2d") -> FeedbackItem:
    raw = (
        f"2024-03-05 10:00:01,123 ERROR [accounts.profiles] request_id={request_id} "
        "Traceback (most recent call last):\n"
        '  File "/srv/app/accounts/views.py", line 31, in profile_view\n'
        '  File "/srv/app/accounts/profiles.py", line 57, in load_profile\n'
        "KeyError: 'user_id'"
    )
    return item("splunk", "[Splunk] accounts errors", raw)


def datadog_alert(host: str = "web-3") -> FeedbackItem:
    """A log monitor whose message quotes the error: the plugin reads it as an exception."""
    body = (
        f"Error logs on accounts-api (host:{host}) went above 10 in 5m.\n\n"
        "```\nKeyError: 'user_id'\n```"
    )
    return item(
        "datadog",
        f"[P2] [Triggered on {{host:{host}}}] Error logs on accounts-api",
        body,
        exceptions=[{"type": "KeyError", "value": "'user_id'"}],
    )


def near_miss() -> FeedbackItem:
    """The same exception, raised somewhere else: another bug."""
    exceptions = [
        {
            "type": "KeyError",
            "value": "'user_id'",
            "frames": [
                {"function": "nightly_export", "filename": "reports/tasks.py", "in_app": True},
                {"function": "export_csv", "filename": "reports/exports.py", "in_app": True},
            ],
        }
    ]
    return item("sentry", "KeyError: 'user_id'", "", exceptions=exceptions)


def unrelated() -> FeedbackItem:
    return item(
        "datadog", "[P1] [Triggered] Disk almost full on db-2", "%%%\nvolume /data at 97%\n%%%"
    )
