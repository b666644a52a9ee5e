"""Datadog monitor notifications through the Webhooks integration
(https://docs.datadoghq.com/integrations/webhooks/).

The body is the payload template the company pasted, with ``$VARIABLES`` substituted as
plain text: every value a string unless the template left it unquoted; ``$DATE`` and
``$LAST_UPDATED`` in epoch milliseconds; ``$EVENT_MSG`` the monitor's message as markdown
between ``%%%`` fences, with Datadog's footer. What a monitor's message says is the
company's own writing: log monitors render ``{{log.attributes.error.kind}}``,
``{{log.attributes.error.message}}`` or paste ``{{log.message}}``; APM monitors name the
service and the error type; task monitors name only the entry point.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any
from urllib.parse import quote

from .delivery import Delivery
from .logs import FORMATS, fill_args
from .logs7 import deno_stack
from .rand import stable_hex, stable_int
from .traces import (
    dotnet_trace,
    java_trace,
    php_trace,
    php_where,
    pkg_errors_verbose,
    python_traceback,
    ruby_backtrace,
    zap_stacktrace,
)

# The payload template of each company: field name -> variable ("=" prefix: left unquoted).
TEMPLATES: dict[str, dict[str, Any]] = {
    # The plugin's recommended template (docs/integrations/datadog.md).
    "recommended": {
        "id": "$ID", "title": "$EVENT_TITLE", "body": "$EVENT_MSG", "event_type": "$EVENT_TYPE",
        "date": "$DATE", "last_updated": "$LAST_UPDATED",
        "org": {"id": "$ORG_ID", "name": "$ORG_NAME"},
        "alert_id": "$ALERT_ID", "alert_cycle_key": "$ALERT_CYCLE_KEY", "aggreg_key": "$AGGREG_KEY",
        "alert_scope": "$ALERT_SCOPE", "alert_transition": "$ALERT_TRANSITION",
        "alert_type": "$ALERT_TYPE", "alert_priority": "$ALERT_PRIORITY",
        "alert_title": "$ALERT_TITLE", "alert_status": "$ALERT_STATUS",
        "alert_metric": "$ALERT_METRIC", "alert_query": "$ALERT_QUERY",
        "priority": "$PRIORITY", "tags": "$TAGS", "hostname": "$HOSTNAME", "link": "$LINK",
        "snapshot": "$SNAPSHOT",
    },
    # A team's own template: other names, the date left unquoted, a plain-text copy.
    "custom": {
        "title": "$EVENT_TITLE", "body": "$EVENT_MSG", "text_only_msg": "$TEXT_ONLY_MSG",
        "date": "=$DATE", "alert_id": "$ALERT_ID", "cycle_key": "$ALERT_CYCLE_KEY",
        "transition": "$ALERT_TRANSITION", "alert_priority": "$ALERT_PRIORITY", "tags": "$TAGS",
        "scope": "$ALERT_SCOPE", "hostname": "$HOSTNAME", "link": "$LINK",
        "event_type": "$EVENT_TYPE", "org": {"id": "$ORG_ID", "name": "$ORG_NAME"},
    },
    # A team's template with names of its own: the plain-text message, no markdown body.
    "own": {
        "summary": "$EVENT_TITLE", "message": "$TEXT_ONLY_MSG", "status": "$ALERT_TRANSITION",
        "severity": "$ALERT_PRIORITY", "monitor_id": "$ALERT_ID", "cycle_key": "$ALERT_CYCLE_KEY",
        "group": "$ALERT_SCOPE", "tags": "$TAGS", "occurred_at": "=$DATE", "url": "$LINK",
        "source": "datadog",
    },
    # A mobile team's template in camelCase, the markdown message, the date unquoted.
    "camel": {
        "eventTitle": "$EVENT_TITLE", "eventMsg": "$EVENT_MSG", "eventType": "$EVENT_TYPE",
        "alertId": "$ALERT_ID", "alertCycleKey": "$ALERT_CYCLE_KEY", "alertScope": "$ALERT_SCOPE",
        "alertTransition": "$ALERT_TRANSITION", "alertType": "$ALERT_TYPE",
        "alertPriority": "$ALERT_PRIORITY", "tags": "$TAGS", "date": "=$DATE", "link": "$LINK",
        "orgName": "$ORG_NAME",
    },
    # A template that nests the alert's variables in one object, the plain-text message.
    "nested": {
        "title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG", "date": "$DATE",
        "alert": {
            "id": "$ALERT_ID", "cycle_key": "$ALERT_CYCLE_KEY", "scope": "$ALERT_SCOPE",
            "transition": "$ALERT_TRANSITION", "type": "$ALERT_TYPE", "priority": "$ALERT_PRIORITY",
            "query": "$ALERT_QUERY",
        },
        "tags": "$TAGS", "hostname": "$HOSTNAME", "link": "$LINK",
        "org": {"id": "$ORG_ID", "name": "$ORG_NAME"},
    },
    # Wrenfold's template: its own names, the monitor's variables in one object, the date
    # unquoted, a literal team.
    "wrenfold": {
        "headline": "$EVENT_TITLE", "details": "$EVENT_MSG", "state": "$ALERT_TRANSITION",
        "severity": "$ALERT_PRIORITY",
        "monitor": {
            "id": "$ALERT_ID", "query": "$ALERT_QUERY", "status": "$ALERT_STATUS",
            "metric": "$ALERT_METRIC",
        },
        "scope": "$ALERT_SCOPE", "tags": "$TAGS", "host": "$HOSTNAME", "fired_at": "=$DATE",
        "event_id": "$ID", "cycle": "$ALERT_CYCLE_KEY", "kind": "$EVENT_TYPE", "url": "$LINK",
        "origin": "datadog",
    },
    # Gannet's template: the alert's title and the plain-text message, the monitor id left
    # unquoted.
    "gannet": {
        "alert_title": "$ALERT_TITLE", "event_title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG",
        "transition": "$ALERT_TRANSITION", "alert_type": "$ALERT_TYPE",
        "priority": "$ALERT_PRIORITY", "metric": "$ALERT_METRIC", "query": "$ALERT_QUERY",
        "scope": "$ALERT_SCOPE", "tags": "$TAGS", "hostname": "$HOSTNAME",
        "monitor_id": "=$ALERT_ID", "aggregation_key": "$AGGREG_KEY", "date": "$DATE",
        "last_updated": "$LAST_UPDATED", "link": "$LINK", "snapshot": "$SNAPSHOT",
    },
    # Harrowgate's template in camelCase: the markdown message as ``description``.
    "harrowgate": {
        "source": "datadog", "alert": "$EVENT_TITLE", "description": "$EVENT_MSG",
        "alertType": "$ALERT_TYPE", "transition": "$ALERT_TRANSITION", "monitorId": "=$ALERT_ID",
        "scope": "$ALERT_SCOPE", "tags": "$TAGS", "eventType": "$EVENT_TYPE",
        "timestamp": "$DATE", "org": "$ORG_NAME", "cycleKey": "$ALERT_CYCLE_KEY", "link": "$LINK",
    },
    # Fenwick's template: a flat object in snake_case, the plain-text message, the scope
    # split out, the date left unquoted.
    "fenwick": {
        "monitor_name": "$ALERT_TITLE", "event_title": "$EVENT_TITLE", "message": "$TEXT_ONLY_MSG",
        "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        "query": "$ALERT_QUERY", "monitor_id": "$ALERT_ID", "event_type": "$EVENT_TYPE",
        "tags": "$TAGS", "hostname": "$HOSTNAME", "ts": "=$DATE", "url": "$LINK",
    },
    # Tansy Lane's template: an envelope with the event under ``data``, the markdown body.
    "tansy": {
        "version": "1", "sender": "datadog",
        "data": {
            "title": "$EVENT_TITLE", "body": "$EVENT_MSG", "type": "$ALERT_TYPE",
            "transition": "$ALERT_TRANSITION", "monitor": "$ALERT_ID", "scope": "$ALERT_SCOPE",
            "metric": "$ALERT_METRIC", "status": "$ALERT_STATUS", "tags": "$TAGS",
            "date": "$DATE", "event_type": "$EVENT_TYPE",
        },
        "org": "$ORG_NAME",
    },
    # Cobble & Ash's template: short names, the plain-text message, the monitor id unquoted.
    "cobble": {
        "t": "$EVENT_TITLE", "msg": "$TEXT_ONLY_MSG", "state": "$ALERT_TRANSITION",
        "sev": "$ALERT_PRIORITY", "mon": "=$ALERT_ID", "grp": "$ALERT_SCOPE", "tags": "$TAGS",
        "host": "$HOSTNAME", "at": "$DATE", "kind": "$EVENT_TYPE", "link": "$LINK",
    },
    # Sorrelwick's template: a Slack-like object, the markdown message as ``markdown``.
    "sorrel": {
        "kind": "datadog-monitor", "heading": "$EVENT_TITLE", "markdown": "$EVENT_MSG",
        "transition": "$ALERT_TRANSITION", "monitor": {"id": "$ALERT_ID", "name": "$ALERT_TITLE"},
        "scope": "$ALERT_SCOPE", "tags": "$TAGS", "created": "=$LAST_UPDATED",
    },
    # Tollbridge's template: upper-case names, the plain-text message, the date quoted.
    "tollbridge": {
        "TITLE": "$EVENT_TITLE", "TEXT": "$TEXT_ONLY_MSG", "STATUS": "$ALERT_STATUS",
        "TRANSITION": "$ALERT_TRANSITION", "MONITOR_ID": "$ALERT_ID", "SCOPE": "$ALERT_SCOPE",
        "QUERY": "$ALERT_QUERY", "TAGS": "$TAGS", "DATE": "$DATE", "PRIORITY": "$ALERT_PRIORITY",
    },
    # Umbrel's template: the event nested in ``event``, the monitor id unquoted.
    "umbrel": {
        "event": {
            "title": "$EVENT_TITLE", "message": "$EVENT_MSG", "type": "$EVENT_TYPE",
            "id": "$ID", "time": "=$DATE",
        },
        "monitor": "=$ALERT_ID", "scope": "$ALERT_SCOPE", "transition": "$ALERT_TRANSITION",
        "tags": "$TAGS", "org": "$ORG_NAME",
    },
    # Quillmoor's template in camelCase: the monitor's name, the plain-text message as
    # ``bodyText``, the id and the date unquoted, a literal runbook link.
    "quillmoor": {
        "alertName": "$ALERT_TITLE", "headline": "$EVENT_TITLE", "bodyText": "$TEXT_ONLY_MSG",
        "transition": "$ALERT_TRANSITION", "severity": "$ALERT_PRIORITY", "monitorId": "=$ALERT_ID",
        "scope": "$ALERT_SCOPE", "labels": "$TAGS", "created": "=$DATE",
        "runbook": "https://wiki.quillmoor.example/runbooks/datadog",
    },
    # Oxbow's template: the monitor and the notice in two objects, the markdown message, the
    # date unquoted as ``ts``.
    "oxbow": {
        "kind": "datadog-monitor",
        "monitor": {
            "title": "$ALERT_TITLE", "id": "$ALERT_ID", "query": "$ALERT_QUERY",
            "state": "$ALERT_STATUS",
        },
        "notice": {"title": "$EVENT_TITLE", "markdown": "$EVENT_MSG"},
        "transition": "$ALERT_TRANSITION", "host": "$HOSTNAME", "tags": "$TAGS", "ts": "=$DATE",
        "cycle": "$ALERT_CYCLE_KEY",
    },
    # Saffronhill's template: an ``event`` object (title, plain text, type, time unquoted) and
    # an ``alert`` object.
    "saffronhill": {
        "event": {
            "title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG", "type": "$EVENT_TYPE",
            "time": "=$DATE",
        },
        "alert": {
            "name": "$ALERT_TITLE", "transition": "$ALERT_TRANSITION",
            "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        },
        "tags": "$TAGS", "link": "$LINK",
    },
    # Larkspur's template: a subject and the plain-text message as ``content``, the alert's
    # variables in one object with the id unquoted, the last update as the time.
    "larkspur": {
        "subject": "$EVENT_TITLE", "content": "$TEXT_ONLY_MSG",
        "alert": {
            "id": "=$ALERT_ID", "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY",
            "scope": "$ALERT_SCOPE", "cycle_key": "$ALERT_CYCLE_KEY",
        },
        "labels": "$TAGS", "fired": "=$LAST_UPDATED", "link": "$LINK",
    },
    # Brindle's template in camelCase: a caption, the markdown message as ``detail``, the
    # monitor's own title, query and status, the date quoted as ``sentAt``.
    "brindle": {
        "caption": "$EVENT_TITLE", "detail": "$EVENT_MSG", "monitorTitle": "$ALERT_TITLE",
        "monitorQuery": "$ALERT_QUERY", "monitorStatus": "$ALERT_STATUS",
        "alertState": "$ALERT_TRANSITION", "alertType": "$ALERT_TYPE", "scope": "$ALERT_SCOPE",
        "eventId": "$ID", "tags": "$TAGS", "sentAt": "$DATE",
    },
    # Pipit's template: the monitor's name, the plain-text message as ``long_description``, the
    # event and the alert's variables in two objects, the date unquoted as ``epoch_ms``.
    "pipit": {
        "name": "$ALERT_TITLE", "long_description": "$TEXT_ONLY_MSG",
        "event": {"title": "$EVENT_TITLE", "type": "$EVENT_TYPE", "id": "$ID"},
        "meta": {
            "alert_id": "$ALERT_ID", "cycle": "$ALERT_CYCLE_KEY", "transition": "$ALERT_TRANSITION",
            "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        },
        "host": "$HOSTNAME", "tags": "$TAGS", "epoch_ms": "=$DATE",
    },
    # Brambleby's template: its own names, the plain-text message, the date unquoted.
    "brambleby": {
        "alert": "$EVENT_TITLE", "what_happened": "$TEXT_ONLY_MSG",
        "transition": "$ALERT_TRANSITION", "prio": "$ALERT_PRIORITY", "monitor_ref": "$ALERT_ID",
        "scope": "$ALERT_SCOPE", "dd_tags": "$TAGS", "raised_at": "=$DATE", "link": "$LINK",
        "from": "datadog-brambleby",
    },
    # Kittiwake's template: the markdown body, the monitor's variables under ``meta``, the
    # last-updated time unquoted.
    "kittiwake": {
        "summary": "$EVENT_TITLE", "body_md": "$EVENT_MSG",
        "meta": {
            "monitor_id": "=$ALERT_ID", "cycle": "$ALERT_CYCLE_KEY", "type": "$EVENT_TYPE",
            "state": "$ALERT_TRANSITION", "query": "$ALERT_QUERY", "scope": "$ALERT_SCOPE",
        },
        "labels": "$TAGS", "updated_ms": "=$LAST_UPDATED", "org": "$ORG_NAME",
    },
    # Loomwright's template: the alert's name, both message forms, the status line.
    "loomwright": {
        "name": "$ALERT_TITLE", "title": "$EVENT_TITLE", "plain": "$TEXT_ONLY_MSG",
        "md": "$EVENT_MSG", "status": "$ALERT_STATUS", "transition": "$ALERT_TRANSITION",
        "alert_type": "$ALERT_TYPE", "id": "$ALERT_ID", "scope": "$ALERT_SCOPE", "tags": "$TAGS",
        "host": "$HOSTNAME", "epoch_ms": "$DATE", "snapshot": "$SNAPSHOT",
    },
    # Mossgate's template (blind9): short names of its own, the plain-text message, the
    # monitor's id and query in one object, the date unquoted.
    "mossgate": {
        "headline_txt": "$EVENT_TITLE", "what": "$TEXT_ONLY_MSG",
        "alert_state": "$ALERT_TRANSITION", "mon": {"num": "=$ALERT_ID", "q": "$ALERT_QUERY"},
        "where": "$ALERT_SCOPE",
        "labels_csv": "$TAGS", "pod_host": "$HOSTNAME", "sent_ms": "=$DATE", "dd_link": "$LINK",
    },
    # Thornquay's template (blind9) in camelCase: the monitor's name, the markdown body, the
    # status line, the date quoted.
    "thornquay": {
        "alarm": "$ALERT_TITLE", "subject": "$EVENT_TITLE", "markdownBody": "$EVENT_MSG",
        "statusLine": "$ALERT_STATUS", "transition": "$ALERT_TRANSITION", "monitorId": "$ALERT_ID",
        "scope": "$ALERT_SCOPE", "ddTags": "$TAGS", "eventKind": "$EVENT_TYPE", "dateMs": "$DATE",
    },
    # Emberwick's template (blind9): the title and plain text under ``msg_*``, the priority,
    # the monitor id and the date unquoted.
    "emberwick": {
        "src": "datadog", "msg_title": "$EVENT_TITLE", "msg_plain": "$TEXT_ONLY_MSG",
        "prio": "$ALERT_PRIORITY", "trans": "$ALERT_TRANSITION", "monitor": "=$ALERT_ID",
        "scope": "$ALERT_SCOPE", "tag_list": "$TAGS", "at_ms": "=$DATE", "link": "$LINK",
    },
    # Gorsehill's template (blind10): its own names, the plain-text message, the monitor's
    # name and query side by side, the date unquoted.
    "gorsehill": {
        "heading": "$EVENT_TITLE", "message_text": "$TEXT_ONLY_MSG",
        "monitor_name": "$ALERT_TITLE", "monitor_query": "$ALERT_QUERY",
        "state": "$ALERT_TRANSITION", "severity": "$ALERT_PRIORITY", "monitor_id": "=$ALERT_ID",
        "group": "$ALERT_SCOPE", "tag_csv": "$TAGS", "fired_ms": "=$DATE",
    },
    # Harebell's template (blind10) in camelCase: the markdown body, the status line, the
    # event id and the date quoted.
    "harebell": {
        "headline": "$EVENT_TITLE", "bodyMarkdown": "$EVENT_MSG", "statusText": "$ALERT_STATUS",
        "alertTransition": "$ALERT_TRANSITION", "alertScope": "$ALERT_SCOPE", "ddEventId": "$ID",
        "tagList": "$TAGS", "hostName": "$HOSTNAME", "epochMillis": "$DATE",
    },
    # Cragmoor's template (blind10): nested under ``alert`` and ``monitor``, both message forms,
    # the last-updated time unquoted.
    "cragmoor": {
        "alert": {
            "title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG", "transition": "$ALERT_TRANSITION",
            "priority": "$ALERT_PRIORITY",
        },
        "monitor": {
            "id": "=$ALERT_ID", "name": "$ALERT_TITLE", "query": "$ALERT_QUERY",
            "scope": "$ALERT_SCOPE",
        },
        "md": "$EVENT_MSG", "tags": "$TAGS", "last_updated_ms": "=$LAST_UPDATED",
    },
    # Quarrybank's template (blind11): snake_case, the markdown body, the monitor's name and
    # the trigger time unquoted, a literal source.
    "quarrybank": {
        "source": "datadog", "alert_name": "$ALERT_TITLE", "summary": "$EVENT_TITLE",
        "details_md": "$EVENT_MSG", "state": "$ALERT_TRANSITION", "p": "$ALERT_PRIORITY",
        "scope": "$ALERT_SCOPE", "dd_tags": "$TAGS", "triggered_at_ms": "=$DATE",
    },
    # Mallowmere's template (blind11): the title and plain text nested under ``notification``,
    # the status line and query beside them, the date quoted.
    "mallowmere": {
        "notification": {"title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG"},
        "monitor": "$ALERT_TITLE", "status": "$ALERT_STATUS", "transition": "$ALERT_TRANSITION",
        "monitorId": "$ALERT_ID", "query": "$ALERT_QUERY", "tags": "$TAGS", "host": "$HOSTNAME",
        "sentAtMs": "$DATE",
    },
    # Rookhollow's template (blind11): the event id, the markdown message, the alert's fields
    # under ``monitor``, the org's name and both times unquoted.
    "rookhollow": {
        "event_id": "$ID", "title": "$EVENT_TITLE", "message": "$EVENT_MSG",
        "monitor": {
            "id": "=$ALERT_ID", "transition": "$ALERT_TRANSITION", "scope": "$ALERT_SCOPE",
            "priority": "$ALERT_PRIORITY", "type": "$ALERT_TYPE",
        },
        "org": "$ORG_NAME", "tags": "$TAGS", "date_ms": "=$DATE",
        "last_change_ms": "=$LAST_UPDATED",
    },
    # blind12's templates. Ashgrove (am): the markdown body, the monitor in one object, the
    # fire time unquoted.
    "ashgrove": {
        "alert_heading": "$EVENT_TITLE", "alert_body": "$EVENT_MSG", "status": "$ALERT_TRANSITION",
        "priority": "$ALERT_PRIORITY",
        "monitor": {"id": "=$ALERT_ID", "title": "$ALERT_TITLE", "query": "$ALERT_QUERY"},
        "group": "$ALERT_SCOPE", "tags": "$TAGS", "fired_at_ms": "=$DATE",
    },
    # Tarnbrook (an): plain text only, the date quoted.
    "tarnbrook": {
        "name": "$ALERT_TITLE", "summary": "$EVENT_TITLE", "plain": "$TEXT_ONLY_MSG",
        "transition": "$ALERT_TRANSITION", "scope": "$ALERT_SCOPE", "tags": "$TAGS",
        "host": "$HOSTNAME", "event_id": "$ID", "unix_ms": "$DATE",
    },
    # Millbeck (ao): a literal source, the notification nested, both message forms, the
    # last-updated time unquoted.
    "millbeck": {
        "source": "datadog",
        "notification": {
            "title": "$EVENT_TITLE", "messageMarkdown": "$EVENT_MSG",
            "messageText": "$TEXT_ONLY_MSG", "transition": "$ALERT_TRANSITION",
            "priority": "$ALERT_PRIORITY",
        },
        "monitorId": "=$ALERT_ID", "monitorQuery": "$ALERT_QUERY", "scope": "$ALERT_SCOPE",
        "tags": "$TAGS", "link": "$LINK", "occurredAtMs": "=$LAST_UPDATED",
    },
    # blind13's templates. Ap (Rails shop): the markdown body under its own names, the
    # trigger time quoted.
    "ap": {
        "alert": "$ALERT_TITLE", "headline": "$EVENT_TITLE", "markdown": "$EVENT_MSG",
        "state": "$ALERT_TRANSITION", "severity": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        "tags": "$TAGS", "alerted_at_ms": "$DATE",
    },
    # Aq (Spring shop): camelCase, plain text only, the status line and query, the time unquoted.
    "aq": {
        "eventId": "$ID", "monitorName": "$ALERT_TITLE", "title": "$EVENT_TITLE",
        "text": "$TEXT_ONLY_MSG", "status": "$ALERT_STATUS", "transition": "$ALERT_TRANSITION",
        "query": "$ALERT_QUERY", "tags": "$TAGS", "timestampMs": "=$DATE",
    },
    # Ar (FastAPI shop): a literal kind, the markdown message, the monitor's fields nested
    # under ``meta``, the last-change time unquoted.
    "ar": {
        "kind": "datadog-monitor", "title": "$EVENT_TITLE", "msg": "$EVENT_MSG",
        "meta": {
            "monitor_id": "=$ALERT_ID", "transition": "$ALERT_TRANSITION",
            "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE", "hostname": "$HOSTNAME",
        },
        "tags": "$TAGS", "changed_at_ms": "=$LAST_UPDATED",
    },
    # Kelpie (at): flat camelCase names, the plain-text message only, the date quoted.
    "kelpie": {
        "alertName": "$ALERT_TITLE", "headline": "$EVENT_TITLE", "details": "$TEXT_ONLY_MSG",
        "state": "$ALERT_TRANSITION", "severity": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        "monitorId": "$ALERT_ID", "tags": "$TAGS", "firedAtMs": "$DATE", "url": "$LINK",
    },
    # Hollowmead (au): the monitor nested, the markdown message, a literal channel, the
    # event type and the date unquoted.
    "hollowmead": {
        "channel": "noc-webhooks", "headline": "$EVENT_TITLE", "markdown": "$EVENT_MSG",
        "monitor": {
            "id": "=$ALERT_ID", "name": "$ALERT_TITLE", "query": "$ALERT_QUERY",
            "status": "$ALERT_STATUS", "metric": "$ALERT_METRIC",
        },
        "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY",
        "scope": "$ALERT_SCOPE", "tags": "$TAGS", "host": "$HOSTNAME",
        "eventType": "$EVENT_TYPE", "raised_ms": "=$DATE", "link": "$LINK",
    },
    # blind15's Ax (Spring shop): its own snake_case names, the plain-text message and the
    # markdown one, the monitor's query, the trigger time unquoted.
    "ax": {
        "alert_name": "$ALERT_TITLE", "event_title": "$EVENT_TITLE", "message_md": "$EVENT_MSG",
        "message_text": "$TEXT_ONLY_MSG", "state": "$ALERT_TRANSITION", "prio": "$ALERT_PRIORITY",
        "monitor": {"id": "=$ALERT_ID", "query": "$ALERT_QUERY", "scope": "$ALERT_SCOPE"},
        "tags": "$TAGS", "triggered_ms": "=$DATE", "datadog_url": "$LINK",
    },
    # blind16's (az) Go platform team: plain text only (the channel bot renders no
    # markdown), the monitor nested, the date unquoted under a nested key of its own.
    "az-gopher": {
        "source": "datadog", "kind": "$EVENT_TYPE", "headline": "$EVENT_TITLE",
        "text": "$TEXT_ONLY_MSG",
        "monitor": {
            "id": "=$ALERT_ID", "name": "$ALERT_TITLE", "state": "$ALERT_TRANSITION",
            "group": "$ALERT_SCOPE", "query": "$ALERT_QUERY", "priority": "$ALERT_PRIORITY",
        },
        "tags": "$TAGS", "when": {"epoch_ms": "=$DATE", "last_change": "$LAST_UPDATED"},
        "org": "$ORG_NAME", "url": "$LINK",
    },
    # blind17's (bc) Koa team: the monitor nested under ``alert``, the markdown message, the
    # date unquoted under a name of its own.
    "bc-koa": {
        "source": "datadog", "summary": "$EVENT_TITLE", "message_markdown": "$EVENT_MSG",
        "alert": {
            "id": "=$ALERT_ID", "title": "$ALERT_TITLE", "transition": "$ALERT_TRANSITION",
            "scope": "$ALERT_SCOPE", "priority": "$ALERT_PRIORITY", "type": "$ALERT_TYPE",
        },
        "tags": "$TAGS", "fired_epoch_ms": "=$DATE", "link": "$LINK",
    },
    # blind17's (bd) Kotlin platform team: flat camelCase, the plain-text message and the
    # monitor's status line, the date quoted.
    "bd-reactor": {
        "monitorName": "$ALERT_TITLE", "eventTitle": "$EVENT_TITLE", "plainText": "$TEXT_ONLY_MSG",
        "status": "$ALERT_STATUS", "transition": "$ALERT_TRANSITION", "query": "$ALERT_QUERY",
        "monitorId": "$ALERT_ID", "scope": "$ALERT_SCOPE", "tags": "$TAGS", "host": "$HOSTNAME",
        "alertDateMs": "$DATE", "org": "$ORG_NAME",
    },
    # blind18's Hobnail (be): snake_case keys of its own, the markdown message, $DATE quoted.
    "be-fleet": {
        "source": "datadog", "summary": "$EVENT_TITLE", "details_md": "$EVENT_MSG",
        "monitor_id": "=$ALERT_ID", "monitor_name": "$ALERT_TITLE",
        "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        "tags": "$TAGS", "host": "$HOSTNAME", "fired_at_epoch_ms": "$DATE",
        "last_change": "$LAST_UPDATED", "url": "$LINK",
    },
    # blind18's Marlpit (bg): camelCase, the plain-text message in a nested object, the
    # monitor's query, $DATE unquoted.
    "bg-claims": {
        "alert": {
            "title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG", "type": "$ALERT_TYPE",
            "transition": "$ALERT_TRANSITION", "query": "$ALERT_QUERY", "scope": "$ALERT_SCOPE",
        },
        "monitorId": "=$ALERT_ID", "eventId": "$ID", "tags": "$TAGS", "sentAtEpochMs": "=$DATE",
        "org": "$ORG_NAME", "link": "$LINK",
    },
    # blind19's Sedgefold (bh): snake_case, the markdown message, $DATE unquoted.
    "bh-tables": {
        "origin": "datadog", "headline": "$EVENT_TITLE", "message_md": "$EVENT_MSG",
        "monitor": {"id": "=$ALERT_ID", "name": "$ALERT_TITLE", "query": "$ALERT_QUERY"},
        "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        "tags": "$TAGS", "dd_fired_ms": "=$DATE", "event_url": "$LINK",
    },
    # blind19's Ferrowick (bi): camelCase, the plain-text message, the status line, $DATE quoted.
    "bi-parts": {
        "alertTitle": "$EVENT_TITLE", "alertText": "$TEXT_ONLY_MSG", "alertStatus": "$ALERT_STATUS",
        "alertTransition": "$ALERT_TRANSITION", "alertType": "$ALERT_TYPE",
        "monitorId": "$ALERT_ID", "alertScope": "$ALERT_SCOPE", "tags": "$TAGS",
        "hostname": "$HOSTNAME", "alertFiredAtMs": "$DATE", "orgName": "$ORG_NAME",
        "eventId": "$ID",
    },
    # blind20's Quernstone (bk): the monitor nested, the markdown message, $DATE quoted under
    # a key of its own, the event id unquoted.
    "bk-quern": {
        "alert": {
            "headline": "$EVENT_TITLE", "monitor": "$ALERT_TITLE", "id": "=$ALERT_ID",
            "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY",
            "scope": "$ALERT_SCOPE",
        },
        "markdown": "$EVENT_MSG", "tags": "$TAGS", "event_id": "=$ID",
        "raised_epoch_ms": "$DATE", "updated": "$LAST_UPDATED", "link": "$LINK",
    },
    # blind20's Cairnlode (bm): flat camelCase, the plain-text message, the monitor's metric
    # and query, $DATE unquoted.
    "bm-cairn": {
        "title": "$EVENT_TITLE", "plain": "$TEXT_ONLY_MSG", "alertType": "$ALERT_TYPE",
        "alertTransition": "$ALERT_TRANSITION", "alertQuery": "$ALERT_QUERY",
        "alertMetric": "$ALERT_METRIC", "alertScope": "$ALERT_SCOPE", "monitorId": "$ALERT_ID",
        "tags": "$TAGS", "hostname": "$HOSTNAME", "notifiedAtMillis": "=$DATE",
        "orgName": "$ORG_NAME",
    },
    # blind21's Gritstone (bo): the monitor nested under ``monitor``, the markdown message,
    # $DATE unquoted under a key of its own.
    "bo-grit": {
        "monitor": {"id": "=$ALERT_ID", "name": "$ALERT_TITLE", "query": "$ALERT_QUERY"},
        "summary": "$EVENT_TITLE", "details_md": "$EVENT_MSG", "state": "$ALERT_TRANSITION",
        "severity": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE", "tag_list": "$TAGS",
        "bo_fired_at_ms": "=$DATE", "url": "$LINK",
    },
    # blind21's Lanternfly (bp): flat snake_case, the plain-text message and the status line,
    # $DATE quoted.
    "bp-lantern": {
        "event_title": "$EVENT_TITLE", "text": "$TEXT_ONLY_MSG", "status": "$ALERT_STATUS",
        "transition": "$ALERT_TRANSITION", "monitor_id": "$ALERT_ID", "host": "$HOSTNAME",
        "tags": "$TAGS", "event_type": "$EVENT_TYPE", "priority": "$ALERT_PRIORITY",
        "bp_sent_ms": "$DATE", "org": "$ORG_NAME",
    },
    # blind22's Brannock (br): snake_case under "dd", the plain-text message, the cycle key,
    # $DATE unquoted under a key of its own.
    "br-brannock": {
        "dd": {
            "monitor_id": "=$ALERT_ID", "monitor": "$ALERT_TITLE", "cycle": "$ALERT_CYCLE_KEY",
            "transition": "$ALERT_TRANSITION", "priority": "$ALERT_PRIORITY",
            "scope": "$ALERT_SCOPE", "query": "$ALERT_QUERY",
        },
        "summary": "$EVENT_TITLE", "details": "$TEXT_ONLY_MSG", "tags": "$TAGS",
        "br_triggered_epoch_ms": "=$DATE", "event_link": "$LINK",
    },
    # blind22's Skelwith (bs): flat camelCase, the markdown message, the aggregation key,
    # $DATE quoted.
    "bs-skelwith": {
        "headline": "$EVENT_TITLE", "markdown": "$EVENT_MSG", "state": "$ALERT_TRANSITION",
        "alertKind": "$ALERT_TYPE", "monitorId": "$ALERT_ID", "monitorScope": "$ALERT_SCOPE",
        "aggregKey": "$AGGREG_KEY", "tags": "$TAGS", "host": "$HOSTNAME",
        "bsFiredAtEpochMs": "$DATE", "org": "$ORG_NAME", "eventId": "$ID",
    },
    # blind24's Tallowby (bw): the alert nested under "alert", the markdown message, the
    # transition and priority, $DATE unquoted under a key of its own.
    "bw-tallowby": {
        "alert": {
            "id": "=$ALERT_ID", "title": "$ALERT_TITLE", "transition": "$ALERT_TRANSITION",
            "priority": "$ALERT_PRIORITY", "scope": "$ALERT_SCOPE",
        },
        "headline": "$EVENT_TITLE", "body_md": "$EVENT_MSG", "tags": "$TAGS",
        "bw_alerted_epoch_ms": "=$DATE", "link": "$LINK", "org": "$ORG_NAME",
    },
    # blind24's Hartop (bx): flat snake_case, the plain-text message, the alert status and the
    # query, $DATE quoted.
    "bx-hartop": {
        "title": "$EVENT_TITLE", "message_text": "$TEXT_ONLY_MSG", "status": "$ALERT_STATUS",
        "transition": "$ALERT_TRANSITION", "monitor_id": "$ALERT_ID", "query": "$ALERT_QUERY",
        "scope": "$ALERT_SCOPE", "host": "$HOSTNAME", "tags": "$TAGS",
        "bx_fired_ms": "$DATE", "event_id": "$ID",
    },
    # blind23's Brookvale (bt): nested under "alert" and "event", the markdown message, the
    # priority and the last-updated time as well as $DATE (unquoted).
    "bt-brookvale": {
        "event": {
            "id": "$ID", "kind": "$EVENT_TYPE", "headline": "$EVENT_TITLE",
            "markdown": "$EVENT_MSG",
        },
        "alert": {
            "monitor": "$ALERT_TITLE", "monitorId": "$ALERT_ID", "state": "$ALERT_TRANSITION",
            "scope": "$ALERT_SCOPE", "p": "$ALERT_PRIORITY",
        },
        "bt_alerted_epoch_ms": "=$DATE", "bt_updated_epoch_ms": "=$LAST_UPDATED",
        "tags": "$TAGS",
    },
    # blind23's Vossmoor (bv): flat snake_case, the plain-text message only, $DATE quoted.
    "bv-vossmoor": {
        "vm_title": "$EVENT_TITLE", "vm_text": "$TEXT_ONLY_MSG", "vm_status": "$ALERT_STATUS",
        "vm_transition": "$ALERT_TRANSITION", "vm_monitor_id": "$ALERT_ID",
        "vm_query": "$ALERT_QUERY",
        "vm_scope": "$ALERT_SCOPE", "vm_host": "$HOSTNAME", "vm_tags": "$TAGS",
        "bv_fired_epoch_ms": "$DATE", "vm_link": "$LINK",
    },
    # Datadog's default payload (an empty Payload field).
    "default": {
        "body": "$EVENT_MSG", "last_updated": "$LAST_UPDATED", "event_type": "$EVENT_TYPE",
        "title": "$EVENT_TITLE", "date": "$DATE", "org": {"id": "$ORG_ID", "name": "$ORG_NAME"},
        "id": "$ID",
    },
}  # fmt: skip

JSON_FORMATS = {
    "mel-json",
    "python-json",
    "structlog",
    "logstash",
    "zap",
    "pino",
    "winston",
    "serilog",
    "monolog",
    "structlog-carets",
    "structlog-dict",
    "python-json-dd",
    "client-error",
    "quarkus-json",
    "quarkus-json-formatted",
    "logrus-json",
    "symfony-json",
    "zerolog-json",
    "bunyan-client",
    "ecs-json",
    "mossgate-json",
    # blind12's
    "pjl-renamed",
    "zerolog-caller",
    "mel-json-scopes",
    "lograge-json",
    "sidekiq-json",
    "spring-ecs",
    "ecs-exhausted",
    "celery-json",
    # blind14's
    "monolog-json",
    "pino-http",
    "pino-app",
    "zap-dd",
    # blind16's
    "next-pino",
    "slog-gin",
    "logrus-asynq",
    # blind17's
    "bb-structlog",
    "bc-winston",
    "bd-logstash",
    # blind18's
    "oban-json",
    "serilog-jsonformatter",
    # blind19's
    "bh-celery-pjl",
    "bi-logstash-short",
    "bj-winston-bull",
    # blind20's
    "bm-zerolog-pkgerrors",
    "bm-logrus-nats",
    # blind21's
    "bn-structlog",
    "bp-nest-pino",
    # blind22's
    "br-serilog-compact",
    "br-serilog-splunk-hec",
    "bs-zap-kafka",
    # blind23's
    "bt-pjl-django",
    "bu-pino-express",
    # blind27's
    "cg-lambda-py-json",
    "cg-powertools",
    # blind26's
    "cd-dropwizard-json",
    # blind31's
    "cr-logstash",
    "cs-dry-json",
    # blind30's
    "co-log4rs-json",
    "cp-logstash-mdc",
    # blind29's
    "cl-loguru",
    "cm-pino-mercurius",
    "cn-nlog-silo",
    "cn-nlog-gateway",
    "cn-nlog-info",
    # blind28's
    "cj-logging-json",
    "ck-loggerjson-dd",
    # blind67's
    "gv-django-request",
    "gv-app-json",
    "gv-celery-json",
    "gw-winston",
}


def error_kind(d: Delivery) -> str:
    """``error.kind`` as the log pipeline fills it: fully qualified on the JVM and .NET."""
    exc = d.thrown
    if d.service.platform == "java":
        return exc.text_name
    if d.service.platform == "python" and d.company.key == "bh":
        # blind19: dd-trace-py names the type by its module (``builtins.KeyError``).
        return f"{exc.module or 'builtins'}.{exc.type}"
    if d.service.platform == "elixir" and exc.module:
        return f"{exc.module}.{exc.type}"
    return exc.type


def sample(d: Delivery, lines: int = 5) -> str:
    """``{{log.message}}``: the message attribute of JSON logs; the first lines of a
    multi-line text event (the aggregated trace)."""
    fmt = str(d.opts.get("format", d.service.log_format))
    if fmt in JSON_FORMATS:
        if fmt == "zap":
            return f"{d.opts.get('msg', d.bug.log or 'request failed')}: {d.thrown.value}"
        return d.log_message
    raw, _ = FORMATS[fmt](d)
    head = raw.split("\n")[:lines]
    return "\n".join(head)


def error_stack(d: Delivery, lines: int = 12) -> str:
    """``{{log.attributes.error.stack}}`` as the log pipeline keeps it: the runtime's own
    trace text (PHP's ``getTraceAsString()`` after the throw site), its first lines."""
    p = d.service.platform
    if p == "php":
        exc = d.thrown
        text = fill_args(d, "\n".join([f"at {php_where(exc)}", *php_trace(exc)[1]]))
    elif p == "go":
        if any(e.type.startswith("*errors.") for e in d.chain):
            text = pkg_errors_verbose(d.chain)
        else:
            text = zap_stacktrace(d.frames)
    elif p == "ruby":
        text = "\n".join(ruby_backtrace(d.thrown, app_only=False))
    elif p == "csharp":
        text = dotnet_trace(d.chain)
    elif p == "java":
        text = java_trace(d.chain)
    elif p == "deno":
        text = deno_stack(d.thrown, d.thrown.value)
    else:
        text = python_traceback(d.chain)
    return "\n".join(text.split("\n")[:lines])


_DD_VAR = re.compile(r"\{\{\s*([^{}#/^\s]+)\s*\}\}")


def _record(d: Delivery) -> dict[str, Any]:
    """The delivery's log line as Datadog's JSON parsing makes it attributes (empty for a
    text log)."""
    raw, _ = FORMATS[str(d.opts.get("format", d.service.log_format))](d)
    try:
        parsed = json.loads(raw)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _attribute(record: dict[str, Any], path: str) -> object:
    """A dotted attribute path, keys that contain dots (``panic.payload``) included."""
    if path in record:
        return record[path]
    parts = path.split(".")
    for i in range(len(parts) - 1, 0, -1):
        head = ".".join(parts[:i])
        if isinstance(record.get(head), dict):
            return _attribute(record[head], ".".join(parts[i:]))
    return None


def _dd_variable(d: Delivery, name: str) -> str:
    """A monitor message's template variable as Datadog renders it for this alert."""
    first = d.thrown.value.splitlines()[0] if d.chain and d.thrown.value else ""
    if name == "log.message":
        # blind17: a monitor may paste more of a multi-line event than the first lines.
        return sample(d, int(str(d.opts.get("sample_lines", 5))))
    if name in ("log.service", "service.name"):
        return d.service.name
    if name in ("log.host", "host.name"):
        return d.host
    if name in ("@error.type.name", "[@error.type].name"):
        return error_kind(d)
    if name in ("value", "threshold", "warn_threshold"):
        return d.values.fill(str(d.opts.get(name, "{n}")))
    if name.startswith("log.attributes."):
        path = name.removeprefix("log.attributes.")
        found = _attribute(_record(d), path)
        if found is not None:
            return found if isinstance(found, str) else json.dumps(found)
        # The log pipeline's standard error attributes, remapped from the runtime's own.
        if path == "error.kind":
            return error_kind(d)
        if path == "error.message":
            return first
        if path == "error.stack":
            return error_stack(d, int(str(d.opts.get("lines", 12))))
        return ""
    return d.values.fill(str(d.opts.get(name, "")))


def render_variables(d: Delivery, text: str) -> str:
    """``{{log.attributes.error.kind}}`` and the like rendered; the text around them has its
    ``{slot}`` values filled (the rendered values are the log's own and stay as they are)."""
    out, pos = [], 0
    for m in _DD_VAR.finditer(text):
        out.append(d.values.fill(text[pos : m.start()]))
        out.append(_dd_variable(d, m.group(1)))
        pos = m.end()
    out.append(d.values.fill(text[pos:]))
    return "".join(out)


def _message(d: Delivery, kind: str) -> str:
    s = d.service
    team = str(d.opts.get("team", "platform"))
    style = str(d.opts.get("style", "kind"))
    if "text" in d.opts and "{{" in str(d.opts["text"]):
        body = render_variables(d, str(d.opts["text"]))
    elif "text" in d.opts:
        body = d.values.fill(str(d.opts["text"]))
    elif kind == "log" and style == "kind":
        body = (
            f"Errors logged by **{s.name}** over the threshold.\n\n"
            f"**error.kind:** `{error_kind(d)}`\n"
            f"**error.message:** {d.thrown.value.splitlines()[0] if d.thrown.value else ''}\n"
            f"**logger:** {d.logger}"
        )
    elif kind == "log" and style == "stack":
        first = d.thrown.value.splitlines()[0] if d.thrown.value else ""
        body = (
            f"**{s.name}** logged `{error_kind(d)}`.\n\n"
            f"**error.kind:** `{error_kind(d)}`\n**error.message:** {first}\n"
            f"**error.stack:**\n```\n{error_stack(d, int(str(d.opts.get('lines', 12))))}\n```"
        )
    elif kind == "log" and style == "error":
        # Logs without an error kind (logrus): the monitor pastes the message and the error.
        first = d.thrown.value.splitlines()[0] if d.thrown.value else ""
        msg = d.opts.get("msg", d.bug.log or "request failed")
        body = f"**{s.name}** is logging `{msg}` above the usual rate.\n\n**error:** {first}"
    elif kind == "log" and style == "sample":
        body = f"New error logs on {s.name}. Latest sample:\n\n```\n{sample(d)}\n```"
    elif kind == "log":
        body = f"{s.name} is logging errors above the usual rate. Check the related logs."
    elif kind == "apm" and style == "message":
        first = d.thrown.value.splitlines()[0] if d.thrown.value else ""
        body = (
            f"{s.name} error spans above threshold.\n\n"
            f"**@error.type:** `{error_kind(d)}`\n**@error.message:** {first}"
        )
    elif kind == "apm" and style == "type":
        spans = d.rand.randint(12, 140)
        body = f"**{s.name}** is raising `{error_kind(d)}` ({spans} spans in 10 minutes)."
    elif kind == "apm" and style == "route":
        body = (
            f"Error rate on `{d.bug.entry}` ({s.name}) is {d.rand.randint(50, 290) / 10}% "
            f"over the last 10 minutes, above the 5% threshold."
        )
    elif kind == "apm":
        resource = d.bug.entry or "unknown"
        body = (
            f"Service **{s.name}** is returning errors of type `{error_kind(d)}` "
            f"on `{resource}` ({d.rand.randint(12, 140)} in the last 10 minutes)."
        )
    elif kind == "queue":
        queue = str(d.opts.get("queue", "default"))
        body = (
            f"Jobs on queue `{queue}` are failing: {d.rand.randint(6, 80)} failures "
            f"in the last 15 minutes, {d.rand.randint(1, 30)} jobs moved to the dead set."
        )
    elif kind == "task":
        body = (
            f"Task `{d.bug.entry}` on {s.name} failed {d.rand.randint(3, 40)} times "
            f"in the last 15 minutes. Retries are exhausted for some runs."
        )
    else:
        body = str(d.opts.get("text", ""))
    return f"{body}\n\n@webhook-soulcaster @slack-{team}-alerts"


def _title(d: Delivery, kind: str) -> str:
    if "monitor" in d.opts:
        return d.values.fill(str(d.opts["monitor"]))
    s = d.service
    if kind == "log":
        return f"Error logs on {s.name}"
    if kind == "apm":
        return f"{s.name} errors by type"
    if kind == "task":
        return "Background task failures"
    if kind == "queue":
        return "Sidekiq failures by queue"
    return f"Alert on {s.name}"


def _scope(d: Delivery, kind: str) -> str:
    if "scope" in d.opts:
        return d.values.fill(str(d.opts["scope"]))
    if kind == "apm" and d.opts.get("style") == "route":
        return f"resource_name:{resource_name(d.bug.entry)},service:{d.service.name}"
    if kind == "apm" and d.opts.get("style") in ("message", "type"):
        return f"service:{d.service.name}"
    if kind == "apm":
        return f"@error.type:{error_kind(d)},service:{d.service.name}"
    if kind == "task":
        return f"resource_name:{d.bug.entry}"
    if kind == "queue":
        return f"queue:{d.opts.get('queue', 'default')}"
    return ""


def _query(d: Delivery, kind: str, title: str) -> str:
    s = d.service
    if kind == "log" and "by" in d.opts:
        search = d.values.fill(str(d.opts.get("filter", f"service:{s.name} status:error env:prod")))
        by = d.opts["by"]
        return f'logs("{search}").index("*").rollup("count").by("{by}").last("5m") > 5'
    if kind == "log":
        search = d.values.fill(str(d.opts.get("filter", f"service:{s.name} status:error env:prod")))
        return f'logs("{search}").index("*").rollup("count").last("5m") > 5'
    if kind == "apm" and d.opts.get("style") == "route":
        metric = f"{{service:{s.name},resource_name:{resource_name(d.bug.entry)}}}"
        return (
            f"sum(last_10m):sum:trace.{_span(d)}.errors{metric}.as_count() / "
            f"sum:trace.{_span(d)}.hits{metric}.as_count() * 100 > 5"
        )
    if kind == "apm" and d.opts.get("style") in ("message", "type"):
        return (
            'trace-analytics("env:prod status:error")'
            '.rollup("count").by("service").last("10m") > 10'
        )
    if kind == "apm":
        return (
            f'trace-analytics("service:{s.name} env:prod status:error")'
            f'.rollup("count").by("@error.type").last("10m") > 10'
        )
    if kind == "task":
        metric = f"trace.{_span(d)}.errors{{service:{s.name}}} by {{resource_name}}"
        return f"sum(last_15m):sum:{metric}.as_count() > 2"
    if kind == "queue":
        return "sum(last_15m):sum:sidekiq.jobs.failure{env:prod} by {queue}.as_count() > 5"
    return str(d.opts.get("query", ""))


def _span(d: Delivery) -> str:
    """The APM operation a task's (or a route's) spans are named after."""
    return {
        # blind8: dd-trace-dotnet's Azure Functions and dd-trace-go's Echo integrations.
        "azure-functions": "azure_functions.invoke",
        "echo": "http.request",
        "temporal": "temporal.RunActivity",
        "celery": "celery.run",
        "rails": "sidekiq.job",
        "starlette": "fastapi.request",
        "nestjs": "express.request",
        "django": "django.request",
        "sidekiq": "sidekiq.job",
        "rq": "rq.job.perform",
        "flask": "flask.request",
        "dramatiq": "dramatiq.worker",
        "hapi": "hapi.request",
        "gin": "gin.request",
        "play": "play.request",
        "akka-http": "akka_http.request",
        # blind11: dd-trace-py's Sanic integration, dd-trace-js's kafkajs one, Ktor's server.
        "sanic": "sanic.request",
        "kafkajs": "kafka.consume",
        "ktor": "ktor.request",
        # blind13: dd-trace-java's spring-kafka consumer spans.
        "spring-kafka": "kafka.consume",
        # blind14: dd-trace-js's Express integration (Kelpie's key: older sets keep "express"
        # on their default), dd-trace-go's chi one.
        "expressjs": "express.request",
        "chi": "http.request",
        # blind15: dd-trace-java's RabbitMQ consumer spans.
        "spring-rabbit": "amqp.deliver",
        # blind16: an Asynq worker's own span around each task (dd-trace-go has no Asynq
        # integration; the team starts "asynq.task" spans in a middleware).
        "asynq": "asynq.task",
        # blind17: dd-trace-js's Koa integration; the Agenda worker's own "agenda.job" spans
        # (no dd-trace integration); dd-trace-java's Spring WebFlux one.
        "koa": "koa.request",
        "agenda": "agenda.job",
        "spring-webflux": "spring.handler",
        # blind18: dd-trace-rb's Rack integration under Roda, dd-trace-dotnet's ASP.NET Core.
        "rack": "rack.request",
        "razor-pages": "aspnet_core.request",
        # blind20: dd-trace-rb's Rails 6.1 integration, dd-trace-go's net/http and gRPC
        # servers, the NATS consumer's own "nats.consume" spans (no dd-trace-go integration).
        "rails61": "rack.request",
        "go-nethttp": "http.request",
        "go-grpc": "grpc.server",
        "nats": "nats.consume",
        # blind22: dd-trace-dotnet's ASP.NET Core integration; the hosted services' own
        # "worker.execute" spans (no integration for BackgroundService); dd-trace-go's
        # confluent-kafka-go consumer spans.
        "br-aspnetcore": "aspnet_core.request",
        "br-hosted": "worker.execute",
        "bs-kafka": "kafka.consume",
        # blind27: the Datadog Lambda extension's span around each invocation.
        "aws_lambda": "aws.lambda",
        # blind29: dd-trace-py's Falcon integration, dd-trace-js's GraphQL one (Mercurius runs
        # graphql-js), dd-trace-dotnet's gRPC server spans.
        "falcon": "falcon.request",
        "mercurius": "graphql.execute",
        "grpc-dotnet": "grpc.request",
        # blind31: dd-trace-java's Micronaut HTTP server and its Kafka consumer spans.
        "micronaut": "micronaut-controller",
        "micronaut-kafka": "kafka.consume",
    }.get(d.service.framework, "scheduled.task")


def resource_name(entry: str) -> str:
    """An HTTP route as Datadog's ``resource_name`` tag: ``post_/v1/intake/{appointment_id}``."""
    return entry.lower().replace(" ", "_")


def variables(d: Delivery, kind: str) -> dict[str, str]:
    c, s = d.company, d.service
    title = _title(d, kind)
    scope = _scope(d, kind)
    monitor_id = str(10_000_000 + stable_int("monitor", c.key, title) % 90_000_000)
    prio = str(d.opts.get("priority", "P2"))
    transition = str(d.opts.get("transition", "Triggered" if d.index % 3 else "Re-Triggered"))
    status_word = {"Recovered": "Recovered", "Warn": "Warn"}.get(transition, "Triggered")
    event_title = (
        f"[{prio}] [{status_word} on {{{scope}}}] {title}"
        if scope
        else f"[{prio}] [{status_word}] {title}"
    )
    message = _message(d, kind)
    last = time.strftime("%a %b %d %Y %H:%M:%S UTC", time.gmtime(d.when))
    from_ts = d.epoch_ms - 900_000
    group = f"&group={quote(scope)}" if scope else ""
    footer = (
        f"\n\nThe monitor was last triggered at {last}.\n\n- - -\n\n"
        f"[[Monitor Status](https://app.datadoghq.com/monitors/{monitor_id}"
        f"?to_ts={d.epoch_ms}{group}&from_ts={from_ts})] · "
        f"[[Edit Monitor](https://app.datadoghq.com/monitors/{monitor_id}/edit)]"
    )
    if kind == "log":
        search = d.values.fill(str(d.opts.get("filter", f"service:{s.name} status:error")))
        footer += (
            f" · [[Related Logs](https://app.datadoghq.com/logs?query={quote(search)}"
            f"&from_ts={from_ts}&to_ts={d.epoch_ms}&live=false)]"
        )
    event_id = str(
        7_000_000_000_000_000_000
        + stable_int("ddevent", d.bug.id, d.index, d.when) % 999_999_999_999_999_999
    )
    tags = ["env:prod", "monitor", f"service:{s.name}", f"team:{d.opts.get('team', 'platform')}"]
    if kind == "apm" and d.opts.get("style") == "route":
        tags.append(f"resource_name:{resource_name(d.bug.entry)}")
    elif kind == "apm":
        tags.append(f"error.type:{error_kind(d)}")
    if kind == "task":
        tags.append(f"resource_name:{d.bug.entry}")
    if kind == "queue":
        tags.append(scope)
    alert_type = str(
        d.opts.get(
            "alert_type", {"Recovered": "success", "Warn": "warning"}.get(transition, "error")
        )
    )
    text_only = message.replace("**", "").replace("`", "")
    plain_footer = re.sub(r"\[\[([^\]]+)\]\(([^)]+)\)\]", r"\1: \2", footer)
    return {
        "ID": event_id,
        "EVENT_TITLE": event_title,
        "EVENT_MSG": "%%%\n" + message + footer + "\n%%%",
        "TEXT_ONLY_MSG": text_only + plain_footer,
        "EVENT_TYPE": str(d.opts.get("event_type", "query_alert_monitor")),
        "DATE": str(d.epoch_ms),
        "LAST_UPDATED": str(d.epoch_ms + d.rand.randint(0, 900)),
        "ORG_ID": c.datadog_org[0],
        "ORG_NAME": c.datadog_org[1],
        "ALERT_ID": monitor_id,
        "ALERT_CYCLE_KEY": str(stable_int("cycle", d.bug.id, d.index, d.when) % 10**19),
        "AGGREG_KEY": stable_hex(32, "aggreg", c.key, title, scope),
        "ALERT_SCOPE": scope,
        "ALERT_TRANSITION": transition,
        "ALERT_TYPE": alert_type,
        "ALERT_PRIORITY": prio,
        "ALERT_TITLE": title if not scope else f"{title} on {scope}",
        "ALERT_STATUS": _status(d, kind, scope),
        "ALERT_METRIC": {
            "task": f"trace.{_span(d)}.errors",
            "queue": "sidekiq.jobs.failure",
            "metric": str(d.opts.get("metric", "")),
        }.get(kind, ""),
        "ALERT_QUERY": _query(d, kind, title),
        "PRIORITY": "normal",
        "TAGS": ",".join(sorted(tags)),
        "HOSTNAME": d.host if kind == "log" and d.index % 2 else "",
        "LINK": f"https://app.datadoghq.com/event/event?id={event_id}",
        "SNAPSHOT": "",
    }


def _status(d: Delivery, kind: str, scope: str) -> str:
    where = f" over {scope}" if scope else ""
    if kind == "log":
        search = d.values.fill(str(d.opts.get("filter", f"service:{d.service.name} status:error")))
        return f"Number of logs matching {search} was > 5.0 during the last 5m"
    if kind == "apm":
        return f"Count of error spans{where} was > 10.0 during the last 10m"
    if kind == "task":
        return f"trace.{_span(d)}.errors{where} was > 2.0 during the last 15m"
    if kind == "queue":
        return f"sidekiq.jobs.failure{where} was > 5.0 during the last 15m"
    return str(d.opts.get("status", f"Monitor{where} triggered"))


def _fill(template: Any, values: dict[str, str]) -> Any:
    if isinstance(template, dict):
        return {k: _fill(v, values) for k, v in template.items()}
    if not template.startswith(("$", "=$")):
        return template  # a literal the team typed into the template
    raw = template.startswith("=")
    name = template.lstrip("=$")
    value = values[name]
    return int(value) if raw and value.isdigit() else value


def render(d: Delivery, tool: str) -> tuple[dict[str, str], dict[str, Any]]:
    kind = tool.split(".", 1)[1]
    body = _fill(TEMPLATES[d.company.datadog_template], variables(d, kind))
    headers = {"Content-Type": "application/json"}
    if d.company.datadog_template != "default":
        headers["X-Soulcaster-Token"] = stable_hex(32, "datadog-token", d.company.key)
    return headers, body
