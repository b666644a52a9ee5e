"""blind65: a Spring Boot service's ``$exception`` events from posthog-server (the Java SDK,
``postHog.captureException(e, distinctId, props)``): the ``Throwable`` chain outermost first,
each with its ``StackTraceElement``s innermost first as ``platform: "java"`` raw frames (the
SDK's shared core, as posthog-android sends them, without R8), ``in_app`` from the configured
in-app package prefix (``uk.nenthead``), and the team's own properties."""

from __future__ import annotations

from typing import Any

from .android11 import raw_frame
from .delivery import Delivery


def java_server_properties(d: Delivery) -> dict[str, Any]:
    exceptions = []
    for exc in reversed(d.chain):
        entry: dict[str, Any] = {"type": exc.type, "value": exc.value}
        if exc.module:
            entry["module"] = exc.module
        entry["mechanism"] = {"type": "generic", "handled": True, "synthetic": False}
        if exc.frames:
            frames = [{**raw_frame(d, f, False), "in_app": f.in_app} for f in reversed(exc.frames)]
            entry["stacktrace"] = {"frames": frames, "type": "raw"}
        exceptions.append(entry)
    props: dict[str, Any] = {
        "$exception_level": "error",
        "$exception_list": exceptions,
        "$lib": "posthog-server",
        "$lib_version": "1.2.0",
        "$process_person_profile": True,
    }
    if d.bug.entry:
        props["endpoint"] = d.bug.entry
    props["service"] = d.service.name
    props["release"] = d.company.releases[d.release]
    return props
