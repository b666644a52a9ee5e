"""Where a template of the user's own puts a value: guessed from the names people give fields.

Datadog lets a template name its fields anything. ``payload.FIELDS`` lists the names our docs
and integrators' templates use, read exactly; when none of them is there, these guesses find the
field under the names seen in public templates (ticketing, paging and chat integrations:
``summary``, ``subject``, ``headline``, ``message``, ``description``, ``details``...) and under
Datadog's own variable names in any spelling (``ALERT_TITLE``, ``alertTitle``, ``alert.title``).
A project whose template is stranger still names its fields with ``field_map``.
"""

from __future__ import annotations

import re
from typing import Any

from soulcaster_core.timestamps import parse_timestamp

from .variables import is_unsubstituted

# Spelling does not matter: "ALERT_TITLE", "alertTitle", "alert-title" and "alert title" are one.
_SPELLING = str.maketrans("", "", "_-. ")

#: For each of our fields, the names to try, most telling first, spelled as ``_normal`` does.
#: Generic names come after Datadog's own: "name" is a title only when nothing better is there.
GUESSES: dict[str, tuple[str, ...]] = {
    "title": (
        "eventtitle",
        "alerttitle",
        "title",
        "summary",
        "subject",
        "headline",
        "alertname",
        "monitorname",
        "incidenttitle",
        "issuetitle",
        "shortdescription",
        "heading",
        "caption",
        "monitor",
        "name",
    ),
    "body": (
        "eventmsg",
        "textonlymsg",
        "body",
        "textmsg",
        "message",
        "msg",
        "alertmessage",
        "alertmsg",
        "text",
        "description",
        "longdescription",
        "details",
        "detail",
        "content",
        "markdown",
    ),
    # $DATE under a name of the template's own (epoch ms or s, or ISO 8601).
    "date": (
        "eventdate",
        "date",
        "timestamp",
        "ts",
        "time",
        "at",
        "occurredat",
        "triggeredat",
        "firedat",
        "eventtime",
        "lastupdated",
        "created",
        "createdat",
        "datetime",
        "lasttriggered",
        "lasttriggeredat",
    ),
    "event_id": ("eventid",),
    "alert_id": ("alertid", "monitorid"),
    "alert_cycle_key": ("alertcyclekey", "cyclekey", "cycle"),
    "aggreg_key": ("aggregkey", "aggregationkey"),
    "alert_scope": ("alertscope", "scope", "group"),
    "alert_transition": ("alerttransition", "transition", "alertstate", "state", "status"),
    "alert_type": ("alerttype",),
    "alert_priority": ("alertpriority",),
    "alert_query": ("alertquery", "query"),
    "alert_title": ("alerttitle",),
    "link": ("link", "url", "eventurl", "eventlink", "alerturl", "monitorurl"),
    "snapshot_url": ("snapshot", "snapshoturl", "graph", "graphurl"),
    "hostname": ("hostname", "host"),
    "service": ("service", "servicename"),
    "environment": ("env", "environment"),
}

# Datadog's event title: the transition in brackets, after the priority if there is one.
_EVENT_TITLE = re.compile(
    r"^\s*(?:\[P\d\]\s*)?\[(?:Triggered|Re-Triggered|Recovered|Warn|No Data|Renotify)\b"
)
#: The footer of every monitor notification's message, before the time it fired.
FOOTER = "The monitor was last triggered at"
_MONITOR_LINK = re.compile(r"/monitors/(\d+)")
# How people end the name of a field that holds a time.
_TIME_ENDINGS = ("at", "time", "date", "ts", "ms", "timestamp", "epoch")

# Objects that describe who sent the alert, not the alert: their "name" is the organisation's.
_NOT_THE_ALERT = frozenset({"org", "organization", "organisation", "user", "sender", "account"})


def _normal(name: str) -> str:
    return name.lower().translate(_SPELLING)


class GuessIndex:
    """The event's fields by spelling-free name: top level first, then one level down.

    A nested field is found by its own name (``fields.summary`` as ``summary``) and by its
    parent's name joined to it (``alert.title`` as ``alerttitle``); the first object of a list
    counts as nested too (chat templates wrap their text in ``embeds``, ``attachments``,
    ``sections``).
    """

    __slots__ = ("_nested", "_top")

    def __init__(self, event: dict[str, Any]) -> None:
        self._top: dict[str, Any] = {}
        self._nested: dict[str, Any] = {}
        for key, value in event.items():
            if not isinstance(key, str):
                continue
            name = _normal(key)
            if isinstance(value, list) and value and isinstance(value[0], dict):
                value = value[0]
            if isinstance(value, dict):
                if name not in _NOT_THE_ALERT:
                    self._add_nested(name, value)
            else:
                self._top.setdefault(name, value)

    def _add_nested(self, parent: str, fields: dict[Any, Any]) -> None:
        for key, value in fields.items():
            if isinstance(key, str) and not isinstance(value, dict | list):
                name = _normal(key)
                self._nested.setdefault(parent + name, value)
                self._nested.setdefault(name, value)

    def text(self, field: str) -> str | None:
        """The first guess for ``field`` holding text; objects and lists are passed over."""
        for name in GUESSES.get(field, ()):
            for table in (self._top, self._nested):
                if (text := _scalar_text(table.get(name))) is not None:
                    if field == "title" and text.isdigit():
                        continue  # "monitor": 75317738 is the monitor's id, not its name
                    return text
        return self._by_shape(field)

    def _by_shape(self, field: str) -> str | None:
        """A field under a name no guess knows, found by what Datadog renders into it."""
        values = [
            value
            for table in (self._top, self._nested)
            for value in table.values()
            if isinstance(value, str) and _scalar_text(value) is not None
        ]
        if field == "title":
            # $EVENT_TITLE: "[P2] [Triggered on {service:api}] ...", "[Recovered] ...".
            return next((v.strip() for v in values if _EVENT_TITLE.match(v)), None)
        if field == "body":
            # $EVENT_MSG renders fenced in "%%%" lines; else the message is the text of several
            # lines that ends in the monitor's footer, or the longest of several lines.
            fenced = [v for v in values if v.lstrip().startswith("%%%")]
            lines = [v for v in values if "\n" in v.strip()]
            found = fenced or [v for v in lines if FOOTER in v] or lines
            return _scalar_text(max(found, key=len)) if found else None
        if field == "date":
            # $DATE under a name of its own: "raised_at", "fired_ms", "sent_time".
            for name, value in self._top.items():
                text = _scalar_text(value) if name.endswith(_TIME_ENDINGS) else None
                if text is not None and parse_timestamp(text) is not None:
                    return text
        if field == "alert_id":
            # "monitor_ref": 123; else the monitor's own link in the message's footer.
            for name, value in self._top.items():
                text = _scalar_text(value) if name.startswith("monitor") else None
                if text is not None and text.isdigit():
                    return text
            body = self.text("body") or ""
            linked = _MONITOR_LINK.search(body) if "/monitors/" in body else None
            return linked[1] if linked else None
        return None


def _scalar_text(value: Any) -> str | None:
    if isinstance(value, str):
        text = value.strip()
        return text if text and not is_unsubstituted(text) else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return None
