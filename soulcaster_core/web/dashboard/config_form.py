"""A settings form generated from a source's pydantic ``Config``, and the changes a post makes.

Each field becomes one input by its annotation (``X | None`` means the input may be blank):

====================  ==========================================================
``SecretStr``         password input, never filled in; blank keeps, "clear" removes
``bool``              checkbox
``int`` / ``float``   number input
``str``               text input
``Literal[...]``      select
``list[str]``         textarea, one entry per line (a single line may use commas);
                      ``list[str] | Literal["*"]`` also takes the literal as typed
anything else         JSON textarea (nested models, dicts)
====================  ==========================================================

Each input carries, in a hidden twin, the text it was rendered with; only fields whose text
the user changed are sent, so saving one field never writes back a stale value of another
that changed meanwhile (a sync moving its cursor, another admin).
"""

from __future__ import annotations

import json
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import SecretStr
from starlette.datastructures import FormData

from ...errors import BadRequest
from ...handler import SourceConfig
from .field_docs import field_docs

Kind = Literal["secret", "checkbox", "number", "text", "select", "list", "json"]

#: Form input names: prefixed so a config field can never clash with the CSRF field.
FIELD_PREFIX = "field."
CLEAR_PREFIX = "clear."
ORIGINAL_PREFIX = "shown."


@dataclass(frozen=True)
class FormField:
    """One input of the form, ready for the template."""

    name: str
    kind: Kind
    help: str = ""
    #: The input's text. Always empty for secrets: they are write-only.
    value: str = ""
    #: The text the form was first rendered with (``true``/``false`` for checkboxes).
    original: str = ""
    checked: bool = False
    nullable: bool = False
    choices: tuple[str, ...] = ()
    #: ``list`` fields: literal alternatives (``"*"``) accepted as typed.
    literals: tuple[str, ...] = ()
    #: ``number`` fields: the input's ``step``.
    step: str = "1"
    #: ``secret`` fields: whether a value is stored (the page says so, never shows it).
    secret_set: bool = False

    @property
    def input_name(self) -> str:
        return FIELD_PREFIX + self.name

    @property
    def clear_name(self) -> str:
        return CLEAR_PREFIX + self.name

    @property
    def original_name(self) -> str:
        return ORIGINAL_PREFIX + self.name

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()


def form_fields(
    config_cls: type[SourceConfig],
    shown: Mapping[str, Any],
    submitted: FormData | None = None,
) -> list[FormField]:
    """The form for ``config_cls`` holding ``shown`` (``show_config``: secrets masked).

    ``submitted`` refills non-secret inputs after a rejected post, so nothing typed is lost.
    """
    docs = field_docs(config_cls)
    fields = []
    for name, info in config_cls.model_fields.items():
        kind, extra = _classify(info.annotation)
        field = FormField(name=name, kind=kind, help=docs.get(name, ""), **extra)
        value = shown.get(name)
        if kind == "secret":
            fields.append(_replace(field, secret_set=value is not None))
            continue
        text = _as_text(kind, value)
        field = _replace(field, value=text, original=text, checked=bool(value))
        if submitted is not None and field.original_name in submitted:
            field = _replace(
                field,
                value=_text(submitted, field.input_name),
                original=_text(submitted, field.original_name),
                checked=field.input_name in submitted,
            )
        fields.append(field)
    return fields


def changes_from(
    config_cls: type[SourceConfig], shown: Mapping[str, Any], form: FormData
) -> dict[str, Any]:
    """The config changes a posted form asks for, as ``update_config`` takes them."""
    changes: dict[str, Any] = {}
    for field in form_fields(config_cls, shown):
        if field.kind == "secret":
            typed = _text(form, field.input_name).strip()
            if typed:
                changes[field.name] = typed
            elif form.get(field.clear_name) and field.secret_set:
                changes[field.name] = None
            continue
        if field.original_name not in form:
            continue  # not on the form that was posted: leave it alone
        original = _text(form, field.original_name)
        if field.kind == "checkbox":
            checked = field.input_name in form
            if checked != (original == "true"):
                changes[field.name] = checked
            continue
        raw = _text(form, field.input_name)
        if not _same_text(raw, original):
            changes[field.name] = _parse(field, raw)
    return changes


def _parse(field: FormField, raw: str) -> Any:
    text = raw.strip()
    if not text and field.nullable:
        return None
    if field.kind == "list":
        if text in field.literals:
            return text
        lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
        if len(lines) == 1:
            lines = [part.strip() for part in lines[0].split(",")]
        return [line for line in lines if line]
    if field.kind == "json":
        try:
            return json.loads(text or "null")
        except ValueError as exc:
            raise BadRequest(f"{field.name}: not valid JSON: {exc}") from None
    # Text is enough for numbers and choices: the config model validates and converts it.
    return raw if field.kind == "text" else text


def _as_text(kind: Kind, value: Any) -> str:
    if value is None:
        return ""
    if kind == "list":
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if kind == "json":
        return json.dumps(value, indent=2, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _same_text(a: str, b: str) -> bool:
    # Browsers send textarea lines with CRLF and may trim or keep trailing blanks.
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _replace(field: FormField, **changes: Any) -> FormField:
    return FormField(**{**field.__dict__, **changes})


def _classify(annotation: Any) -> tuple[Kind, dict[str, Any]]:
    """The input kind of an annotation, and the extras the template needs for it."""
    options = list(_union_args(annotation))
    nullable = type(None) in options
    options = [o for o in options if o is not type(None)]
    extra: dict[str, Any] = {"nullable": nullable}
    if any(_is_secret(o) for o in options):
        return "secret", extra
    if options == [bool]:
        return "checkbox", extra
    if options and all(o in (int, float) for o in options):
        return "number", {**extra, "step": "1" if options == [int] else "any"}
    if options == [str]:
        return "text", extra
    literals = [o for o in options if get_origin(o) is Literal]
    others = [o for o in options if get_origin(o) is not Literal]
    literal_values = tuple(str(v) for lit in literals for v in get_args(lit))
    if options and not others:
        return "select", {**extra, "choices": literal_values}
    if len(others) == 1 and _is_str_list(others[0]):
        return "list", {**extra, "literals": literal_values}
    return "json", extra


def _union_args(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return (annotation,)


def _is_secret(annotation: Any) -> bool:
    return annotation is SecretStr


def _is_str_list(annotation: Any) -> bool:
    return get_origin(annotation) in (list, tuple, set) and get_args(annotation)[:1] == (str,)
