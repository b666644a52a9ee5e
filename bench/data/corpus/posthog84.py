"""blind84: posthog-go's ``$exception`` event (PostHog/posthog-go ``error_tracking.go``,
``error_tracking_stack_trace.go``): ``NewDefaultException(ts, distinctID, title,
description)`` gives one item, ``type`` the title, ``value`` the description and a ``raw``
stack trace of the *capture call* (``runtime.Callers``, innermost first; not where the error
was made), each frame ``filename``/``lineno``/``function``/``in_app``/``synthetic``/
``platform: go``; ``in_app`` false for paths under ``pkg/mod``. ``$lib`` is ``posthog-go``.
"""

from __future__ import annotations

from typing import Any

from .delivery import Delivery


def go_properties(d: Delivery) -> dict[str, Any]:
    frames = list(d.frames)
    # The capture call sits in the gRPC method (``(*Server).X``), where the error came back to.
    at = [i for i, f in enumerate(frames) if f.in_app and f.function.startswith("(*Server).")]
    upto = at[0] + 1 if at else len(frames)
    stack = []
    for f in reversed(frames[:upto]):
        stack.append(
            {
                "filename": f.file,
                "lineno": f.line + (4 if f is frames[upto - 1] else 0),
                "function": f"{f.module}.{f.function}",
                # SimpleInAppDecider: only module-cache, toolchain and vendor paths are not in-app.
                "in_app": "/pkg/mod/" not in f.file and "/vendor/" not in f.file,
                "synthetic": False,
                "platform": "go",
            }
        )
    title = str(d.opts.get("title", d.thrown.type))
    return {
        "$exception_list": [
            {
                "type": title,
                "value": d.thrown.value,
                "stacktrace": {"type": "raw", "frames": stack},
            }
        ],
        "$lib": "posthog-go",
        "$lib_version": "1.5.12",
        "$is_server": True,
        "distinct_id": d.values["user"],
        "$os": "linux",
        "$go_version": d.service.runtime,
        "service": d.service.name,
    }
