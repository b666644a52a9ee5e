"""Reading raw bodies: JSON from any template, form-encoded fields, and what is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest

from soulcaster_core import BadPayload
from soulcaster_datadog import DatadogHandler

Load = Callable[[str], dict[str, Any]]


def test_json_body_of_the_default_template(payload: Load) -> None:
    sent = payload("default_template_disk")
    assert DatadogHandler().parse(json.dumps(sent).encode()) == sent


def test_unquoted_19_digit_id_is_kept_exact() -> None:
    # Sent as bytes so the number really is unquoted, as a template without quotes makes it.
    body = b'{"id": 7050278235293370890, "title": "[Triggered] Checkout 5xx"}'
    event = DatadogHandler().parse(body)
    assert event["id"] == 7050278235293370890
    item = DatadogHandler().to_feedback_item(event, "acme")
    assert item.metadata["event_id"] == "7050278235293370890"


def test_form_encoded_body(payload: Load) -> None:
    alert = payload("log_alert_trigger")
    fields = {key: value for key, value in alert.items() if key != "org"}
    fields["org"] = json.dumps(alert["org"])
    event = DatadogHandler().parse(urlencode(fields).encode())

    assert event["org"] == {"id": "412870", "name": "Acme Shop"}
    from_form = DatadogHandler().to_feedback_item(event, "acme")
    from_json = DatadogHandler().to_feedback_item(alert, "acme")
    assert from_form.title == from_json.title
    assert from_form.body == from_json.body
    assert from_form.external_id == from_json.external_id
    assert from_form.metadata == from_json.metadata


def test_form_field_sent_twice_becomes_a_list() -> None:
    event = DatadogHandler().parse(b"title=Disk+full&tags=env%3Aprod&tags=team%3Asre")
    assert event == {"title": "Disk full", "tags": ["env:prod", "team:sre"]}
    assert DatadogHandler().to_feedback_item(event, "acme").metadata["tags"] == [
        "env:prod",
        "team:sre",
    ]


def test_form_value_that_only_looks_like_json_stays_text() -> None:
    event = DatadogHandler().parse(b"title=%7Bbraces%7D+in+a+title&body=x")
    assert event["title"] == "{braces} in a title"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not JSON"),
        (b"   ", "not JSON"),
        (b"[1, 2]", "JSON object"),
        (b'{"title": "x",}', "not JSON"),
        (b'{"id": ' + b"9" * 5000 + b"}", "JSON"),
        (b"\xff\xfe\x00", "neither a JSON object nor form-encoded"),
        (b"just some words", "neither a JSON object nor form-encoded"),
        (b"title=a&&&", "neither a JSON object nor form-encoded"),
    ],
)
def test_unreadable_bodies_say_what_is_wrong(body: bytes, message: str) -> None:
    with pytest.raises(BadPayload, match=message):
        DatadogHandler().parse(body)
