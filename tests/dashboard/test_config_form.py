"""The config form generated from a pydantic model, and the changes a post asks for."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field, SecretStr
from starlette.datastructures import FormData, UploadFile

from soulcaster_core import BadRequest, SourceConfig
from soulcaster_core.web.dashboard.config_form import FormField, changes_from, form_fields
from soulcaster_core.web.dashboard.field_docs import field_docs


class Window(BaseModel):
    start: int = 0
    end: int = 24


class DemoConfig(SourceConfig):
    #: The shared secret
    #: senders put in ``X-Token``.
    webhook_secret: SecretStr | None = None
    verify: bool = True
    retries: int = 3
    ratio: float | None = None
    host: str = "https://example.com"
    region: Literal["us", "eu"] = "us"
    environments: list[str] = Field(default_factory=list)
    monitors: list[str] | Literal["*"] = "*"
    window: Window = Field(default_factory=Window, description="Hours to ingest, as JSON.")


def shown(**overrides: Any) -> dict[str, Any]:
    """What ``show_config`` gives: the JSON dump, secrets masked."""
    values = DemoConfig().model_dump(mode="json")
    values["webhook_secret"] = None
    values.update(overrides)
    return values


def fields(values: dict[str, Any] | None = None) -> dict[str, FormField]:
    return {f.name: f for f in form_fields(DemoConfig, values or shown())}


def posted(values: dict[str, Any], **inputs: str) -> FormData:
    """The form a browser posts back after the user typed ``inputs`` into it."""
    items: list[tuple[str, str | UploadFile]] = []
    for field in form_fields(DemoConfig, values):
        if field.kind == "secret":
            items.append((field.input_name, inputs.get(field.name, "")))
            if inputs.get(f"clear_{field.name}"):
                items.append((field.clear_name, "1"))
            continue
        items.append((field.original_name, field.original))
        value = inputs.get(field.name, field.value)
        if field.kind == "checkbox":
            if inputs.get(field.name, "true" if field.checked else "") == "true":
                items.append((field.input_name, "true"))
        else:
            items.append((field.input_name, value))
    return FormData(items)


def test_each_annotation_gets_a_fitting_input() -> None:
    kinds = {name: field.kind for name, field in fields().items()}
    assert kinds == {
        "webhook_secret": "secret",
        "verify": "checkbox",
        "retries": "number",
        "ratio": "number",
        "host": "text",
        "region": "select",
        "environments": "list",
        "monitors": "list",
        "window": "json",
    }
    assert fields()["region"].choices == ("us", "eu")
    assert fields()["monitors"].literals == ("*",)
    assert fields()["ratio"].step == "any"


def test_a_stored_secret_is_never_put_in_the_form() -> None:
    secret = fields(shown(webhook_secret="**********"))["webhook_secret"]
    assert secret.secret_set
    assert secret.value == ""


def test_help_comes_from_comments_and_descriptions() -> None:
    docs = field_docs(DemoConfig)
    assert docs["webhook_secret"] == "The shared secret senders put in ``X-Token``."
    assert docs["window"] == "Hours to ingest, as JSON."
    assert "retries" not in docs


def test_an_untouched_form_changes_nothing() -> None:
    values = shown(webhook_secret="**********", environments=["prod"])
    assert changes_from(DemoConfig, values, posted(values)) == {}


def test_only_edited_fields_are_sent() -> None:
    values = shown(environments=["prod"])
    form = posted(values, retries="5", environments="prod\r\nstaging\r\n", verify="")
    assert changes_from(DemoConfig, values, form) == {
        "retries": "5",
        "environments": ["prod", "staging"],
        "verify": False,
    }


def test_a_value_that_changed_meanwhile_is_not_written_back() -> None:
    rendered = shown(host="https://old.example")
    form = posted(rendered, retries="4")
    now_stored = shown(host="https://changed-by-someone-else.example")
    assert changes_from(DemoConfig, now_stored, form) == {"retries": "4"}


def test_one_line_lists_may_use_commas_and_a_literal_stays_itself() -> None:
    values = shown()
    form = posted(values, environments="prod, staging,,", monitors="123\n456")
    assert changes_from(DemoConfig, values, form) == {
        "environments": ["prod", "staging"],
        "monitors": ["123", "456"],
    }
    back = shown(monitors=["123"])
    assert changes_from(DemoConfig, back, posted(back, monitors="*")) == {"monitors": "*"}


def test_a_typed_secret_is_sent_blank_keeps_and_clear_removes() -> None:
    values = shown(webhook_secret="**********")
    assert changes_from(DemoConfig, values, posted(values, webhook_secret=" new \n")) == {
        "webhook_secret": "new"
    }
    assert changes_from(DemoConfig, values, posted(values, webhook_secret="")) == {}
    cleared = posted(values, clear_webhook_secret="1")
    assert changes_from(DemoConfig, values, cleared) == {"webhook_secret": None}


def test_blank_optional_fields_become_none() -> None:
    values = shown(ratio=0.5)
    assert changes_from(DemoConfig, values, posted(values, ratio="")) == {"ratio": None}


def test_nested_models_are_edited_as_json() -> None:
    values = shown()
    assert '"end": 24' in fields(values)["window"].value
    form = posted(values, window='{"start": 8, "end": 18}')
    assert changes_from(DemoConfig, values, form) == {"window": {"start": 8, "end": 18}}
    with pytest.raises(BadRequest, match="window: not valid JSON"):
        changes_from(DemoConfig, values, posted(values, window="{start: 8"))


def test_a_rejected_post_refills_what_was_typed() -> None:
    values = shown()
    form = posted(values, host="not a url", retries="x")
    refilled = {f.name: f for f in form_fields(DemoConfig, values, form)}
    assert refilled["host"].value == "not a url"
    assert refilled["retries"].value == "x"
    assert refilled["retries"].original == "3"
