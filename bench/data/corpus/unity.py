"""A Unity game client's errors (blind9's Emberwick): the trace text Unity's Mono runtime
prints, sentry-unity's frames and contexts, and the ``$exception`` events the team's own C#
wrapper sends to PostHog's capture API (PostHog has no Unity SDK; its docs' "manual"
installation: ``$exception_list`` with ``custom`` frames).

Frames come as ``stacks.cs`` builds them: ``module`` the declaring type, ``function`` the
method, ``args`` the parameter list, ``file`` the script under ``Assets/`` (empty for the
engine's own code), ``in_app`` false for UnityEngine, System and packages.
"""

from __future__ import annotations

from typing import Any

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_hex, stable_int

# What a device reports, by the ``browser`` option the company's tables use for a device.
DEVICES: dict[str, tuple[str, str, str, str, str]] = {
    # key: (os name, os version, device model, family, graphics)
    "android": ("Android", "14", "samsung SM-A546B", "Android", "Mali-G68"),
    "android-low": ("Android", "11", "Xiaomi Redmi 9A", "Android", "PowerVR Rogue GE8320"),
    "ios": ("iOS", "17.4.1", "iPhone14,5", "iOS", "Apple A15 GPU"),
    "windows": ("Windows", "10.0.22631", "Desktop (MS-7C56)", "Desktop", "NVIDIA GeForce RTX 3060"),
}


def _assembly(f: Frame) -> str:
    if f.in_app:
        return "Assembly-CSharp"
    if f.module.startswith("UnityEngine.UI") or f.module.startswith("UnityEngine.EventSystems"):
        return "UnityEngine.UI"
    if f.module.startswith("UnityEngine"):
        return "UnityEngine.CoreModule"
    if f.module.startswith(("System", "Newtonsoft")):
        return "mscorlib" if f.module.startswith("System") else "Newtonsoft.Json"
    return f.module.split(".")[0]


def mvid(d: Delivery, assembly: str) -> str:
    """The assembly's module version id: a new one with every build of the game."""
    return stable_hex(32, "mvid", d.company.key, assembly, d.release)


def il_offset(d: Delivery, f: Frame) -> int:
    return stable_int("il", f.module, f.function, d.release) % 0x200


def mono_line(d: Delivery, f: Frame) -> str:
    """``Exception.ToString()`` in a release player on Mono: no file or line, the IL offset
    and the assembly's MVID in angle brackets."""
    return (
        f"  at {f.module}.{f.function} {f.args or '()'} [0x{il_offset(d, f):05x}] "
        f"in <{mvid(d, _assembly(f))}>:0"
    )


def unity_log_line(d: Delivery, f: Frame) -> str:
    """Unity's own log stack (``Application.logMessageReceived``'s ``stackTrace``, Player.log)
    in a development build: ``Type.Method (args) (at Assets/...cs:42)``; engine frames name
    the assembly's MVID with line 0."""
    where = f.file + f":{f.line}" if f.file else f"<{mvid(d, _assembly(f))}>:0"
    return f"{f.module}.{f.function} {f.args or '()'} (at {where})"


def mono_trace(d: Delivery, exc: Exc) -> str:
    lines = [f"{exc.text_name}: {exc.value}"]
    lines.extend(mono_line(d, f) for f in reversed(exc.frames))
    return "\n".join(lines)


def sentry_frame(d: Delivery, f: Frame, in_app: bool) -> dict[str, Any]:
    """sentry-unity's frame: the method and its type, the assembly as the package; file and
    line only where the build has line numbers (IL2CPP with symbols uploaded), else the IL
    offset and method token for Sentry's own symbolication (``raw``)."""
    frame: dict[str, Any] = {
        "function": f.function,
        "module": f.module,
        "package": f"{_assembly(f)}, Version=0.0.0.0, Culture=neutral, PublicKeyToken=null",
        "in_app": in_app,
    }
    if d.opts.get("raw") or not f.file:
        frame["instruction_addr"] = f"0x{il_offset(d, f):x}"
        frame["addr_mode"] = f"rel:{stable_int('asm', _assembly(f)) % 12}"
        frame["function_id"] = f"0x{0x6000000 + stable_int('tok', f.module, f.function) % 0x2000:x}"
    else:
        frame["filename"] = f.file.rsplit("/", 1)[-1]
        frame["abs_path"] = f.file
        frame["lineno"] = f.line
    return frame


def contexts(d: Delivery) -> dict[str, Any]:
    os_name, os_version, model, family, gpu = DEVICES[
        d.browser if d.browser in DEVICES else "android"
    ]
    app_id, _, version = d.release_name.partition("@")
    return {
        "device": {"model": model, "family": family, "type": "device"},
        "os": {"name": os_name, "version": os_version, "type": "os"},
        "gpu": {"name": gpu, "type": "gpu"},
        "app": {
            "app_identifier": app_id,
            "app_version": version.split("+")[0],
            "app_build": version.rsplit("+", 1)[-1],
            "type": "app",
        },
        "unity": {
            "type": "unity",
            "editor_version": "2022.3.21f1",
            "scripting_backend": "IL2CPP" if os_name != "Windows" else "Mono",
            "active_scene_name": str(d.opts.get("scene", "Village")),
        },
    }


def posthog_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """The wrapper parses ``System.Diagnostics.StackTrace`` into PostHog's custom frames: no
    file or line in a release player, the assembly as the module's prefix."""
    frame: dict[str, Any] = {
        "platform": "custom",
        "lang": "csharp",
        "function": f"{f.module}.{f.function}",
        "module": _assembly(f),
        # The wrapper's first version marked every frame as the game's own.
        "in_app": f.in_app or d.opts.get("in_app") == "all",
        "resolved": True,
    }
    if f.file and not d.opts.get("raw"):
        frame["filename"] = f.file
        frame["lineno"] = f.line
    return frame


def posthog_properties(d: Delivery) -> dict[str, Any]:
    os_name, os_version, model, _, _ = DEVICES[d.browser if d.browser in DEVICES else "android"]
    _, _, version = d.release_name.partition("@")
    out = []
    for exc in reversed(d.chain):  # the thrown one first, then its InnerException
        entry: dict[str, Any] = {
            "type": exc.text_name,
            "value": exc.value,
            "mechanism": {"handled": d.bug.handled, "synthetic": False, "type": "generic"},
        }
        if exc.frames:
            entry["stacktrace"] = {
                "type": "raw",
                "frames": [posthog_frame(d, f) for f in exc.frames],
            }
        out.append(entry)
    props: dict[str, Any] = {
        "$exception_list": out,
        "$exception_level": "error",
        "$lib": "emberwick-unity",
        "$lib_version": "0.4.2",
        "$os": os_name,
        "$os_version": os_version,
        "$device_model": model,
        "$app_version": version.split("+")[0],
        "$app_build": version.rsplit("+", 1)[-1],
        "scene": str(d.opts.get("scene", "Village")),
    }
    if d.opts.get("stack_text"):
        # The wrapper's first version also sent Unity's own text of the exception.
        props["stack_text"] = mono_trace(d, d.thrown)
    return props
