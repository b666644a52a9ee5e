"""blind68: posthog-ruby's ``$exception`` (``PostHog::Rails`` auto-capture and
``capture_exception`` in Sidekiq's error handler): ``$exception_list`` with the thrown
exception's class and message and raw ``ruby`` frames, oldest first, application frames
marked in-app (under the app's root, not in a gem). Written from the SDK's README and
PostHog's Ruby error-tracking docs, not checked against the gem's source."""

from __future__ import annotations

from typing import Any

from .delivery import Delivery
from .model import Exc, Frame
from .traces import ruby_abs_path


def ruby_frame(f: Frame) -> dict[str, Any]:
    return {
        "platform": "ruby",
        "filename": f.file if f.in_app else f.file.split("/", 1)[-1],
        "abs_path": ruby_abs_path(f),
        "function": f.function,
        "lineno": f.line,
        "in_app": f.in_app,
    }


def _name(exc: Exc) -> str:
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def ruby_properties(d: Delivery) -> dict[str, Any]:
    exceptions = []
    for exc in reversed(d.chain):
        exceptions.append(
            {
                "type": _name(exc),
                "value": exc.value,
                "mechanism": {"type": "generic", "handled": d.bug.handled, "synthetic": False},
                "stacktrace": {"type": "raw", "frames": [ruby_frame(f) for f in exc.frames]},
            }
        )
    props: dict[str, Any] = {
        "$exception_list": exceptions,
        "$exception_level": "error",
        "$lib": "posthog-ruby",
        "$lib_version": "3.3.2",
        "$host": d.host,
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        props["$current_url"] = f"https://www.{d.company.domain}{d.request_path}"
        props["$request_method"] = d.bug.entry.split(" ", 1)[0]
        props["$request_path"] = d.request_path
    else:
        props["job_class"] = d.bug.entry
        props["job_queue"] = str(d.opts.get("queue", "default"))
    return props
