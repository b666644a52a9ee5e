"""blind105: posthog-php from a Laravel 10 app's exception handler. posthog-php has no
exception autocapture, so the team's ``reportable`` callback calls ``PostHog::capture()``
with ``event => '$exception'`` and builds ``$exception_list`` itself: one item per throwable,
the thrown one first and each ``getPrevious()`` after it, ``type`` the class,
``value`` the message, and frames mapped straight from ``getTrace()`` (innermost first: the
call sites, each ``file``/``line`` and the called ``class->function``), ``in_app`` false
under ``/vendor/``. ``$lib`` is ``posthog-php``.
"""

from __future__ import annotations

from typing import Any

from .delivery import Delivery
from .traces import php_name


def php_properties(d: Delivery) -> dict[str, Any]:
    items = []
    for exc in reversed(d.chain):
        frames = list(exc.frames)
        stack = []
        for i in range(len(frames) - 1, 0, -1):
            callee, caller = frames[i], frames[i - 1]
            stack.append(
                {
                    "filename": caller.file,
                    "lineno": caller.line,
                    "function": php_name(callee),
                    "in_app": "/vendor/" not in caller.file,
                    "platform": "php",
                }
            )
        items.append(
            {
                "type": exc.type,
                "value": exc.value,
                "mechanism": {"type": "generic", "handled": True},
                "stacktrace": {"type": "raw", "frames": stack},
            }
        )
    props: dict[str, Any] = {
        "$exception_list": items,
        "$exception_level": "error",
        "$lib": "posthog-php",
        "$lib_version": "3.5.0",
        "$lib_consumer": "LibCurl",
        "environment": "production",
        "release": d.release_name,
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        props["$current_url"] = f"https://{d.company.domain}{d.request_path}"
        props["route"] = d.bug.entry
    else:
        props["job"] = d.bug.entry
    return props
