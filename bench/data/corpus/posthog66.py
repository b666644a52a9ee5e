"""blind66: posthog-dotnet's server-side ``$exception`` (``CaptureException``): the thrown
exception first, then its inner exceptions, each with the frames .NET's ``StackTrace`` gives
(innermost last here as PostHog lists raw frames oldest first), application frames with their
file and line from the portable PDBs, framework frames without. From memory, not checked
against the SDK's source."""

from __future__ import annotations

from typing import Any

from .delivery import Delivery
from .model import Frame


def dotnet_frame(f: Frame) -> dict[str, Any]:
    frame: dict[str, Any] = {
        "platform": "dotnet",
        "function": f"{f.module}.{f.function}",
        "module": f.module,
        "in_app": f.in_app,
    }
    if f.in_app and f.file:
        frame["filename"] = f.file.rsplit("/", 1)[-1]
        frame["abs_path"] = f.file
        frame["lineno"] = f.line
    return frame


def dotnet_properties(d: Delivery) -> dict[str, Any]:
    exceptions = []
    for exc in reversed(d.chain):
        entry: dict[str, Any] = {
            "type": exc.type,
            "value": exc.value,
            "mechanism": {"type": "generic", "handled": True, "synthetic": False},
        }
        if exc.frames:
            entry["stacktrace"] = {
                "type": "raw",
                "frames": [dotnet_frame(f) for f in exc.frames],
            }
        exceptions.append(entry)
    props: dict[str, Any] = {
        "$exception_list": exceptions,
        "$exception_level": "error",
        "$lib": "posthog-dotnet",
        "$lib_version": "2.0.1",
        "$os": "Linux",
        "$host": d.host,
        "$process_person_profile": False,
    }
    if " /" in d.bug.entry:
        props["$current_url"] = f"https://api.{d.company.domain}{d.request_path}"
        props["$request_method"] = d.bug.entry.split(" ", 1)[0]
    return props
