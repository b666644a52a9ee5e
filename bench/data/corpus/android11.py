"""blind11's Android app (Kotlin, Jetpack Compose) as posthog-android and sentry-android see it.

posthog-android's ``captureException`` (and its uncaught-exception handler) sends the
``Throwable`` chain outermost first, each with its ``StackTraceElement``s innermost first as
``platform: "java"`` raw frames; in a release build shrunk by R8 without a mapping uploaded to
PostHog, every class outside the platform is renamed per build (``e4.c``, ``SourceFile``,
one-letter methods). sentry-android deobfuscates with the uploaded ProGuard mapping, so its
frames carry the source names, and adds the device and app contexts.
"""

from __future__ import annotations

from typing import Any

from .delivery import Delivery
from .model import Frame
from .rand import stable_int

# Devices the app's users have: (manufacturer, model, Android version, API level).
DEVICES = (
    ("samsung", "SM-A546B", "14", 34),
    ("Google", "Pixel 7", "15", 35),
    ("Xiaomi", "23053RN02Y", "13", 33),
    ("samsung", "SM-S918B", "14", 34),
    ("motorola", "moto g54 5G", "14", 34),
)

# R8 keeps these names (the platform and the JDK are not part of the APK).
_KEPT = ("android.", "androidx.core.os.", "java.", "javax.", "dalvik.", "com.android.", "kotlin.")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def device(d: Delivery) -> tuple[str, str, str, int]:
    return DEVICES[stable_int("android-device", d.bug.id, d.index) % len(DEVICES)]


def obfuscated(f: Frame, release: int) -> tuple[str, str, str, int]:
    """(class, method, file, line) as an R8-shrunk build names a frame; a new build renames."""
    if f.module.startswith(_KEPT):
        return f.module, f.function, f.file, f.line
    seed = stable_int("r8", f.module, release)
    pkg = _LETTERS[seed % 26] + str(seed // 26 % 10)
    cls = f"{pkg}.{_LETTERS[seed // 260 % 26]}"
    method = _LETTERS[stable_int("r8m", f.module, f.function, release) % 26]
    # R8 keeps LineNumberTable but packs the lines of inlined and merged methods.
    line = 1 + stable_int("r8l", f.module, f.function, f.line, release) % 400
    return cls, method, "SourceFile", line


def raw_frame(d: Delivery, f: Frame, r8: bool) -> dict[str, Any]:
    if r8:
        module, function, file, line = obfuscated(f, d.release)
    else:
        module, function, file, line = f.module, f.function, f.file, f.line
    return {
        "module": module,
        "function": function,
        "filename": file,
        "lineno": line,
        "in_app": module.startswith(str(d.opts.get("in_app_prefix", "com.rookhollow"))),
        "platform": "java",
    }


def posthog_properties(d: Delivery) -> dict[str, Any]:
    r8 = bool(d.opts.get("r8", True))
    exceptions = []
    for exc in reversed(d.chain):
        entry: dict[str, Any] = {"type": exc.type, "value": exc.value}
        if exc.module:
            entry["module"] = exc.module
        entry["thread_id"] = 2 if d.bug.handled else 1
        entry["mechanism"] = {
            "type": "generic" if d.bug.handled else "UncaughtExceptionHandler",
            "handled": d.bug.handled,
            "synthetic": False,
        }
        if exc.frames:
            frames = [raw_frame(d, f, r8) for f in reversed(exc.frames)]
            entry["stacktrace"] = {"frames": frames, "type": "raw"}
        exceptions.append(entry)
    app_id, _, version = d.release_name.partition("@")
    maker, model, os_version, _ = device(d)
    return {
        "$exception_level": "error" if d.bug.handled else "fatal",
        "$exception_list": exceptions,
        "$lib": "posthog-android",
        "$lib_version": "3.15.1",
        "$app_name": d.company.name.split()[0],
        "$app_namespace": app_id,
        "$app_version": version.split("+")[0],
        "$app_build": version.rsplit("+", 1)[-1],
        "$device_manufacturer": maker,
        "$device_model": model,
        "$device_name": model,
        "$device_type": "Mobile",
        "$os_name": "Android",
        "$os_version": os_version,
        "$is_emulator": False,
        "$locale": d.rand.choice(("en-GB", "en-IE", "pl-PL", "de-DE")),
        "$timezone": "Europe/London",
        "$network_wifi": d.rand.choice((True, False)),
        "$screen_name": d.bug.page,
        "$session_id": d.rand.uuid7(d.epoch_ms - d.rand.randint(20_000, 900_000)),
    }


def sentry_contexts(d: Delivery) -> dict[str, Any]:
    maker, model, os_version, api = device(d)
    app_id, _, version = d.release_name.partition("@")
    return {
        "device": {
            "manufacturer": maker,
            "brand": maker.lower(),
            "model": model,
            "family": model.split(" ")[0],
            "arch": "arm64-v8a",
            "simulator": False,
            "type": "device",
        },
        "os": {
            "name": "Android",
            "version": os_version,
            "kernel_version": f"5.15.{api * 3}-android",
            "rooted": False,
            "type": "os",
        },
        "app": {
            "app_identifier": app_id,
            "app_name": d.company.name.split()[0],
            "app_version": version.split("+")[0],
            "app_build": version.rsplit("+", 1)[-1],
            "type": "app",
        },
    }


def sentry_tags(d: Delivery) -> dict[str, str]:
    _, model, os_version, _ = device(d)
    return {
        "device": model,
        "device.family": model.split(" ")[0],
        "dist": d.release_name.rsplit("+", 1)[-1],
        "os": f"Android {os_version}",
        "os.name": "Android",
        "os.rooted": "no",
        "user": f"id:{d.values['user']}",
    }
