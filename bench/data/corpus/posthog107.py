"""blind107: posthog-js in two Blazor WebAssembly apps with ``capture_exceptions:
{ capture_console_errors: true }``. A .NET exception in a component never reaches
``window.onerror``: Blazor's ``WebAssemblyConsoleLogger`` writes it with ``console.error`` as
``crit: Microsoft.AspNetCore.Components.WebAssembly.Rendering.WebAssemblyRenderer[100]``, the
message indented below it and the exception's ``ToString()`` (a Release build without PDBs:
no file names or lines). posthog-js wraps that console call as a synthetic ``Error`` whose
value is the whole console text and whose frames are the JavaScript call site in the
.NET runtime's script (the same for every .NET exception). From memory, not checked against
the SDK's source.
"""

from __future__ import annotations

import re
from typing import Any

from .delivery import Delivery
from .sentry import USER_AGENTS
from .traces import dotnet_core_trace

RENDERER = "Microsoft.AspNetCore.Components.WebAssembly.Rendering.WebAssemblyRenderer[100]"
_WHERE = re.compile(r" in \S+:line \d+$", re.M)


def console_text(d: Delivery) -> str:
    """What Blazor's console logger printed for the delivery's exception."""
    category = str(d.opts.get("category", RENDERER))
    message = (
        d.log_message if d.bug.log else f"Unhandled exception rendering component: {d.thrown.value}"
    )
    trace = _WHERE.sub("", dotnet_core_trace(d.chain))
    return f"crit: {category}\n      {message}\n{trace}"


def _runtime(d: Delivery, name: str) -> str:
    h = {"ll": "0kq9f3a1xz", "lm": "r7hm2c5w0e"}.get(d.company.key, "aaaaaaaaaa")
    return f"{d.service.origin}/_framework/{name}.{h}.js"


def blazor_properties(d: Delivery) -> dict[str, Any]:
    from .posthog import BROWSER_PROPS, GEO  # posthog imports this module

    name, version, os_name, os_version, device = BROWSER_PROPS[d.browser]
    page = d.bug.page or "/"
    country = d.rand.choice(GEO)
    frames = [
        {
            "platform": "web:javascript",
            "filename": _runtime(d, "dotnet.runtime.8.0.11"),
            "function": fn,
            "in_app": True,
            "lineno": 3,
            "colno": col,
        }
        for fn, col in (("Module.mono_wasm_invoke_js_blazor", 41_822), ("Object.printErr", 8_113))
    ]
    frames.append(
        {
            "platform": "web:javascript",
            "filename": f"{d.service.origin}/_content/posthog/array.full.js",
            "function": "console.error",
            "in_app": True,
            "lineno": 1,
            "colno": 61_302,
        }
    )
    return {
        "$exception_list": [
            {
                "type": "Error",
                "value": console_text(d),
                "mechanism": {"type": "generic", "handled": True, "synthetic": True},
                "stacktrace": {"type": "raw", "frames": frames},
            }
        ],
        "$exception_level": "error",
        "$exception_personURL": "",
        "$os": os_name,
        "$os_version": os_version,
        "$browser": name,
        "$browser_version": version,
        "$device_type": device,
        "$current_url": f"{d.service.origin}{page}",
        "$host": d.service.origin.split("//", 1)[1],
        "$pathname": page,
        "$raw_user_agent": USER_AGENTS[d.browser],
        "$lib": "web",
        "$lib_version": "1.194.2",
        "$session_id": d.rand.uuid7(d.epoch_ms - d.rand.randint(20_000, 900_000)),
        "$window_id": d.rand.uuid7(d.epoch_ms - 5_000),
        "$geoip_country_code": country[0],
        "$geoip_country_name": country[1],
        "$geoip_city_name": country[2],
        "$sent_at": d.iso(3, z=False),
        "release": d.release_name,
    }
