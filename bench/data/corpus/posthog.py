"""PostHog ``$exception`` events as an HTTP Webhook destination posts them
(``{"event": {event}, "person": {person}, "project": {project}}``), and, for older setups, as
a legacy action webhook (``{"hook", "data"}``).

Current posthog-js sends ``$exception_list`` with raw ``web:javascript`` frames (minified
chunk URLs); events PostHog has processed carry ``stacktrace.type: "resolved"`` frames
(``mangled_name``, ``resolved_name``, ``source``, ``line``, ``column``) and the
``$exception_types``/``$exception_fingerprint``/``$exception_issue_id`` properties (PostHog/
posthog: rust/cymbal). Old posthog-js sends ``$exception_type``/``$exception_message`` and the
browser's ``error.stack`` as a string in ``$exception_stack_trace_raw``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from . import android11, posthog65, posthog66, posthog68, posthog84, posthog105, posthog107, unity
from .delivery import Delivery
from .logs16 import next_raw_frame
from .model import Frame
from .rand import stable_hex, stable_int
from .releases import chunk_url, minified_name, minified_position, rn_name, rn_position
from .sentry import RN_DEVICES, USER_AGENTS
from .traces import browser_stack, node_path, node_position, py_abs_path, rn_bundle_path

BROWSER_PROPS = {
    "chrome": ("Chrome", 122, "Windows", "10.0", "Desktop"),
    "edge": ("Microsoft Edge", 122, "Windows", "10.0", "Desktop"),
    "firefox": ("Firefox", 123, "Mac OS X", "14.3.0", "Desktop"),
    "safari": ("Mobile Safari", 17.3, "iOS", "17.3.1", "Mobile"),
    "electron": ("Chrome", 126, "Mac OS X", "14.5.0", "Desktop"),
    "electron-mac": ("Chrome", 124, "Mac OS X", "14.6.1", "Desktop"),  # blind81
    "electron-win": ("Chrome", 124, "Windows", "10.0", "Desktop"),  # blind81
    "android-webview": ("Chrome", 122, "Android", "14", "Mobile"),  # blind95
    "tauri-win": ("Microsoft Edge", 131, "Windows", "10.0", "Desktop"),  # blind102
    "tauri-mac": ("Safari", 605.1, "Mac OS X", "10.15.7", "Desktop"),  # blind102
    "tauri-linux": ("Safari", 605.1, "Linux", "", "Desktop"),  # blind102
}
GEO = (
    ("DE", "Germany", "Berlin"),
    ("GB", "United Kingdom", "London"),
    ("US", "United States", "Austin"),
    ("NL", "Netherlands", "Utrecht"),
)


def _url(d: Delivery, f: Frame) -> str:
    return chunk_url(d.company.key, d.service.origin, f.bundle, d.release)


def raw_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    line, col = minified_position(f, d.release)
    name = minified_name(f.function, f.bundle, d.release)
    if not d.minified:
        line, col, name = f.line, f.col or 1, f.function
    return {
        "platform": "web:javascript",
        "filename": _url(d, f),
        "function": name or "?",
        "in_app": True,
        "lineno": line,
        "colno": col,
    }


def source_name(d: Delivery, f: Frame) -> str:
    """The source path as the bundler wrote it into the source map."""
    prefix = "webpack://_N_E/./" if d.company.key in ("c", "h") else "../../"
    if d.company.key == "n":
        prefix = "../../../"
    if d.company.key == "o":
        prefix = "webpack://harrowgate-shop/./"
    return prefix + f.file


def resolved_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    raw = raw_frame(d, f)
    raw_id = hashlib.sha512(
        f"{raw['function']}{raw['lineno']}{raw['colno']}{raw['filename']}".encode()
    ).hexdigest()
    return {
        "raw_id": raw_id,
        "team_id": d.company.posthog_project[0],
        "mangled_name": raw["function"],
        "line": f.line,
        "column": f.col or 1,
        "source": source_name(d, f),
        "in_app": f.in_app,
        "resolved_name": f.function or "<anonymous>",
        "lang": "javascript",
        "resolved": True,
        "synthetic": False,
        "suspicious": False,
    }


def python_frame(f: Frame) -> dict[str, Any]:
    """posthog-python's raw frame (PostHog/posthog: rust/cymbal/src/langs/python.rs)."""
    return {
        "platform": "python",
        "filename": f.file,
        "abs_path": py_abs_path(f),
        "function": f.function,
        "module": f.module,
        "lineno": f.line,
        "context_line": f.context,
        "pre_context": [],
        "post_context": [],
        "in_app": f.in_app,
    }


def python_exception_list(d: Delivery) -> list[dict[str, Any]]:
    """posthog-python lists a chain cause first, as Sentry does."""
    out = []
    for exc in d.chain:
        entry: dict[str, Any] = {
            "type": exc.type,
            "value": exc.value,
            "mechanism": {"type": "generic", "handled": d.bug.handled},
            "stacktrace": {"type": "raw", "frames": [python_frame(f) for f in exc.frames]},
        }
        if d.company.key == "mk":  # blind115: a Lambda function's package and layers
            from .logs27 import lambda_py_path

            for frame, f in zip(entry["stacktrace"]["frames"], exc.frames, strict=True):
                frame["abs_path"] = lambda_py_path(f)
        if exc.module and exc.module != "builtins":
            entry["module"] = exc.module
        out.append(entry)
    return out


def server_properties(d: Delivery, distinct: str) -> dict[str, Any]:
    pid, _ = d.company.posthog_project
    first = d.chain[0]
    props = {
        "$exception_list": python_exception_list(d),
        "$exception_type": first.type,
        "$exception_message": first.value,
        "$exception_personURL": f"https://eu.posthog.com/project/{pid}/person/{distinct}",
        "$exception_level": "error",
        "$lib": "posthog-python",
        "$lib_version": "3.5.0",
        "$python_runtime": "CPython",
        "$python_version": "3.12.9" if d.company.key == "mk" else "3.11.8",
        "$os": "Linux",
        "$current_url": f"https://api.{d.company.domain}{d.request_path}" if d.bug.entry else None,
        "$request_method": d.bug.entry.split(" ", 1)[0] if d.bug.entry else None,
        "$host": d.host,
    }
    return {k: v for k, v in props.items() if v is not None}


def node_module(path: str) -> str:
    """posthog-node's module of a frame (its module modifier, base ``/app/dist``, where
    ``main.js`` runs): ``reminders:reminders.service``, ``@nestjs.core.router:router-proxy``."""
    folder, _, file = path.rpartition("/")
    file = file.removesuffix(".js")
    if "/node_modules" in folder:
        return folder.split("/node_modules", 1)[1][1:].replace("/", ".") + ":" + file
    if folder.startswith("/app/dist/"):
        return folder.removeprefix("/app/dist/").replace("/", ".") + ":" + file
    return file


def node_raw_frame(f: Frame) -> dict[str, Any]:
    """posthog-node's raw frame: the compiled file relative to the working directory."""
    path = node_path(f)
    line, col = (f.line, max(f.col, 1)) if f.file.startswith("node:") else node_position(f)
    return {
        "filename": path.removeprefix("/app/"),
        "module": node_module(path),
        "function": f.function or "?",
        "lineno": line,
        "colno": col,
        "in_app": f.in_app,
        "platform": "node:javascript",
    }


def _node_raw(d: Delivery, f: Frame) -> dict[str, Any]:
    """blind16: a Next.js server (``next start``) runs ``.next/server``'s minified chunks."""
    if d.service.framework.startswith("auto.function.nextjs"):
        return next_raw_frame(f, d.release)
    return node_raw_frame(f)


def node_resolved_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """A node frame after PostHog's processing: application frames mapped back to the
    TypeScript source; packages and Node internals, which ship no source map, left as they are."""
    raw = _node_raw(d, f)
    raw_id = hashlib.sha512(
        f"{raw['function']}{raw['lineno']}{raw['colno']}{raw['filename']}".encode()
    ).hexdigest()
    mapped = f.in_app and f.file.startswith("src/")
    return {
        "raw_id": raw_id,
        "team_id": d.company.posthog_project[0],
        "mangled_name": raw["function"],
        "line": f.line if mapped else raw["lineno"],
        "column": (f.col or 1) if mapped else raw["colno"],
        "source": source_name(d, f) if mapped else raw["filename"],
        "in_app": f.in_app,
        "resolved_name": f.function or "?",
        "lang": "javascript",
        "resolved": mapped,
        "synthetic": False,
        "suspicious": False,
    }


def node_properties(d: Delivery) -> dict[str, Any]:
    """posthog-node's ``captureException``: the thrown error first, then its causes."""
    resolved = bool(d.opts.get("resolved"))
    exceptions = []
    for exc in reversed(d.chain):
        entry: dict[str, Any] = {
            "type": exc.type,
            "value": exc.value,
            "mechanism": {"type": str(d.opts.get("mechanism", "generic")), "handled": True},
        }
        if exc.frames:
            frames = [
                node_resolved_frame(d, f) if resolved else _node_raw(d, f) for f in exc.frames
            ]
            entry["stacktrace"] = {"type": "resolved" if resolved else "raw", "frames": frames}
        exceptions.append(entry)
    props: dict[str, Any] = {
        "$exception_list": exceptions,
        "$lib": "posthog-node",
        "$lib_version": "5.8.1",
        "$process_person_profile": False,
    }
    if resolved:
        props.update(processed(d))
    return props


def processed(d: Delivery) -> dict[str, Any]:
    """What PostHog's processing adds to an event whose frames it resolved."""
    app = [f for f in d.frames if f.in_app]
    return {
        "$exception_types": [e.type for e in reversed(d.chain)],
        "$exception_values": [e.value for e in reversed(d.chain)],
        "$exception_sources": sorted({source_name(d, f) for f in app}),
        "$exception_functions": [f.function for f in reversed(app)],
        "$exception_fingerprint": stable_hex(64, "phfp", d.bug.id, d.browser),
        "$exception_issue_id": _as_uuid(stable_hex(32, "phissue", d.bug.id, d.browser)),
    }


def exception_list(d: Delivery, resolved: bool) -> list[dict[str, Any]]:
    out = []
    for exc in reversed(d.chain):  # posthog-js lists the thrown error first
        frames = [resolved_frame(d, f) if resolved else raw_frame(d, f) for f in exc.frames]
        entry: dict[str, Any] = {
            "type": exc.type,
            "value": exc.value,
            "mechanism": {
                "handled": d.bug.handled,
                "synthetic": False,
                "type": str(d.opts.get("mechanism", "onerror")),
            },
        }
        if frames:
            entry["stacktrace"] = {"type": "resolved" if resolved else "raw", "frames": frames}
        out.append(entry)
    return out


def properties(d: Delivery) -> dict[str, Any]:
    name, version, os_name, os_version, device = BROWSER_PROPS[d.browser]
    host = d.service.origin.split("//", 1)[1]
    page = d.bug.page or "/"
    country = d.rand.choice(GEO)
    session = d.rand.uuid7(d.epoch_ms - d.rand.randint(20_000, 900_000))
    props: dict[str, Any] = {
        "$os": os_name,
        "$os_version": os_version,
        "$browser": name,
        "$browser_version": version,
        "$device_type": device,
        "$current_url": f"{d.service.origin}{page}",
        "$host": host,
        "$pathname": page,
        "$raw_user_agent": USER_AGENTS[d.browser],
        "$lib": "web",
        "$lib_version": "1.116.6" if not d.opts.get("legacy") else "1.57.2",
        "$session_id": session,
        "$window_id": d.rand.uuid7(d.epoch_ms - 5_000),
        "$geoip_country_code": country[0],
        "$geoip_country_name": country[1],
        "$geoip_city_name": country[2],
        "$sent_at": d.iso(3, z=False),
    }
    resolved = bool(d.opts.get("resolved"))
    if d.opts.get("legacy"):
        exc = d.thrown
        top = exc.frames[-1] if exc.frames else None
        props.update(
            {
                "$exception_type": exc.type,
                "$exception_message": exc.value,
                "$exception_stack_trace_raw": browser_stack(
                    exc, exc.value, d.engine, d.service.origin, d.company.key, d.release
                ),
                "$exception_is_synthetic": False,
            }
        )
        if top is not None:
            line, col = minified_position(top, d.release)
            props.update(
                {
                    "$exception_source": _url(d, top),
                    "$exception_lineno": line,
                    "$exception_colno": col,
                }
            )
    else:
        props["$exception_list"] = exception_list(d, resolved)
        props["$exception_level"] = "error"
    if resolved:
        props.update(processed(d))
    return props


def hermes_raw_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """posthog-react-native's frame: the Hermes stack line parsed (``at f (address at
    bundle:1:offset)``, ``at apply (native)``), every frame in-app, the bundle's chunk id."""
    if f.file == "native":
        return {"platform": "hermes", "filename": "native", "function": f.function, "in_app": True}
    line, col = rn_position(f, d.browser, d.release)
    return {
        "platform": "hermes",
        "filename": rn_bundle_path(d.browser, d.company.name.split()[0], d.release),
        "function": rn_name(f.function, d.release),
        "in_app": True,
        "lineno": line,
        "colno": col,
        "chunk_id": _as_uuid(stable_hex(32, "rnchunk", d.company.key, d.browser, d.release)),
    }


def hermes_resolved_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """A Hermes frame after PostHog resolved it with the bundle's source map (Metro's
    project-relative sources); native frames have no map."""
    raw = hermes_raw_frame(d, f)
    raw_id = hashlib.sha512(
        f"{raw['function']}{raw.get('lineno', '')}{raw.get('colno', '')}{raw['filename']}".encode()
    ).hexdigest()
    mapped = f.file != "native"
    frame = {
        "raw_id": raw_id,
        "team_id": d.company.posthog_project[0],
        "mangled_name": raw["function"],
        "line": f.line if mapped else None,
        "column": (f.col or 1) if mapped else None,
        "source": f.file if mapped else None,
        "in_app": f.in_app,
        "resolved_name": f.function or "anonymous",
        "lang": "javascript",
        "resolved": mapped,
        "synthetic": False,
        "suspicious": False,
    }
    return {k: v for k, v in frame.items() if v is not None}


def rn_properties(d: Delivery) -> dict[str, Any]:
    """posthog-react-native's ``$exception`` from its global error handler."""
    resolved = bool(d.opts.get("resolved"))
    exceptions = []
    for exc in reversed(d.chain):
        entry: dict[str, Any] = {
            "type": exc.type,
            "value": exc.value,
            "mechanism": {
                "handled": d.bug.handled,
                "synthetic": False,
                "type": str(d.opts.get("mechanism", "onuncaughtexception")),
            },
        }
        if exc.frames:
            frames = [
                hermes_resolved_frame(d, f) if resolved else hermes_raw_frame(d, f)
                for f in exc.frames
            ]
            entry["stacktrace"] = {"type": "resolved" if resolved else "raw", "frames": frames}
        exceptions.append(entry)
    os_name, os_version, brand, model = RN_DEVICES[d.browser]
    app_id, _, version = d.release_name.partition("@")
    props: dict[str, Any] = {
        "$exception_list": exceptions,
        "$exception_level": "fatal" if not d.bug.handled else "error",
        "$lib": "posthog-react-native",
        "$lib_version": "4.14.3",
        "$app_name": d.company.name.split()[0],
        "$app_namespace": app_id,
        "$app_version": version.split("+")[0],
        "$app_build": version.rsplit("+", 1)[-1],
        "$device_manufacturer": brand,
        "$device_name": model,
        "$device_type": "Mobile",
        "$os_name": os_name,
        "$os_version": os_version,
        "$locale": "en-GB",
        "$timezone": "Europe/London",
        "$screen_name": d.bug.page,
        "$session_id": d.rand.uuid7(d.epoch_ms - d.rand.randint(20_000, 900_000)),
    }
    if resolved:
        app = [f for f in d.frames if f.in_app and f.file != "native"]
        props.update(
            {
                "$exception_types": [e.type for e in reversed(d.chain)],
                "$exception_values": [e.value for e in reversed(d.chain)],
                "$exception_sources": sorted({f.file for f in app}),
                "$exception_functions": [f.function for f in reversed(app)],
                "$exception_fingerprint": stable_hex(64, "phfp", d.bug.id, d.browser),
                "$exception_issue_id": _as_uuid(stable_hex(32, "phissue", d.bug.id)),
            }
        )
    return props


def dart_frame(f: Frame) -> dict[str, Any]:
    """posthog-flutter's frame (DartExceptionProcessor): the URI whole for dart: and package:
    frames, the package, the member, the file's last segment."""
    frame: dict[str, Any] = {"platform": "dart", "abs_path": f.file, "in_app": f.in_app}
    if f.module:
        frame["package"] = f.module
    if f.function:
        frame["function"] = f.function
    frame.update(filename=f.file.rsplit("/", 1)[-1], lineno=f.line, colno=f.col)
    return frame


def dart_properties(d: Delivery) -> dict[str, Any]:
    """posthog-flutter's ``$exception``: one exception (Dart has no chain), its frames in the
    order the trace prints them (the throw site first, no asynchronous gaps), the package of
    that first frame."""
    exc = d.thrown
    frames = [f for f in reversed(exc.frames) if f.file != "<asynchronous suspension>"]
    entry: dict[str, Any] = {
        "type": exc.type,
        "mechanism": {"handled": d.bug.handled, "synthetic": False, "type": "generic"},
        "value": exc.value,
    }
    if frames and frames[0].module:
        entry["package"] = frames[0].module
    if frames:
        entry["stacktrace"] = {"frames": [dart_frame(f) for f in frames], "type": "raw"}
    entry["thread_id"] = 2_092_845_283  # 'main'.hashCode on the root isolate
    os_name, os_version, brand, model = RN_DEVICES[d.browser]
    app_id, _, version = d.release_name.partition("@")
    return {
        "$exception_level": "error" if d.bug.handled else "fatal",
        "$exception_list": [entry],
        "$lib": "posthog-flutter",
        "$lib_version": "5.9.0",
        "$app_name": d.company.name.split()[0],
        "$app_namespace": app_id,
        "$app_version": version.split("+")[0],
        "$app_build": version.rsplit("+", 1)[-1],
        "$device_manufacturer": brand,
        "$device_name": model,
        "$device_type": "Mobile",
        "$os_name": os_name,
        "$os_version": os_version,
        "$screen_name": d.bug.page,
        "$session_id": d.rand.uuid7(d.epoch_ms - d.rand.randint(20_000, 900_000)),
    }


# posthog-ios's in-app rule: a frame is in-app unless its image is a known system one.
_IOS_SYSTEM = (
    "Foundation",
    "UIKit",
    "CoreFoundation",
    "libsystem_",
    "libdispatch",
    "libswift",
    "GraphicsServices",
    "SwiftUI",
    "CFNetwork",
    "libobjc",
    "dyld",
)


def _swift_mangled(f: Frame) -> str:
    """The symbol ``dladdr`` returns for a Swift function: posthog-ios sends it as it is,
    mangled (``$s8Cragmoor21ProofOfDeliveryStoreC6submityyYaKF``)."""
    owner, _, method = f.function.partition(".")
    name = method.split("(", 1)[0] or owner
    return f"$s{len(f.module)}{f.module}{len(owner)}{owner}C{len(name)}{name}yyYaKF"


def ios_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """A frame of ``Thread.callStackReturnAddresses`` after ``dladdr``: the image, the symbol,
    addresses; no file or line (the app's symbols are not resolved on the device)."""
    image_name = f.module if f.in_app else f.file.rsplit("/", 1)[-1]
    image = 0x100000000 + stable_int("ph-aslr", d.bug.id, d.index, image_name) % 0x3FFF * 0x4000
    symbol = image + stable_int("ph-sym", f.function, d.release) % 0x3FFFFF
    container = stable_hex(32, "ph-install", d.company.key, d.release, d.index % 3).upper()
    install = (
        f"{container[:8]}-{container[8:12]}-{container[12:16]}-{container[16:20]}-{container[20:]}"
    )
    app_path = f"/private/var/containers/Bundle/Application/{install}/{f.module}.app/{f.module}"
    package = app_path if f.in_app else f.file
    kotlin = f.function.startswith("kfun:")  # blind122: Kotlin/Native symbols are not mangled
    return {
        "instruction_addr": f"0x{symbol + d.rand.randint(16, 900):016x}",
        "module": image_name,
        "package": package,
        "image_addr": f"0x{image:016x}",
        "in_app": not image_name.startswith(_IOS_SYSTEM),
        "function": _swift_mangled(f) if f.in_app and not kotlin else f.function,
        "symbol_addr": f"0x{symbol:016x}",
        "platform": "ios",
    }


def ios_properties(d: Delivery) -> dict[str, Any]:
    """posthog-ios's ``captureException(error)``: the NSError chain outermost first, each
    with the synthetic stack of the reporting call, newest frame first (as
    ``callStackReturnAddresses`` gives it)."""
    exceptions = []
    for exc in reversed(d.chain):
        entry: dict[str, Any] = {"type": exc.type, "value": exc.value}
        if exc.module:
            entry["module"] = exc.module
        entry["thread_id"] = 259
        entry["mechanism"] = {"type": "generic", "handled": True, "synthetic": True}
        if exc.frames:
            frames = [ios_frame(d, f) for f in reversed(exc.frames)]
            entry["stacktrace"] = {"frames": frames, "type": "raw"}
        exceptions.append(entry)
    app_id, _, version = d.release_name.partition("@")
    model, os_version = d.rand.choice(
        (
            ("iPhone15,2", "17.6.1"),
            ("iPhone16,1", "18.1"),
            ("iPhone14,5", "17.5.1"),
            ("iPhone13,2", "18.0.1"),
        )
    )
    return {
        "$exception_level": "error",
        "$exception_list": exceptions,
        "$lib": "posthog-ios",
        "$lib_version": "3.36.0",
        "$app_name": d.company.name.split()[0],
        "$app_namespace": app_id,
        "$app_version": version.split("+")[0],
        "$app_build": version.rsplit("+", 1)[-1],
        "$device_manufacturer": "Apple",
        "$device_model": model,
        "$device_name": "iPhone",
        "$device_type": "Mobile",
        "$os_name": "iOS",
        "$os_version": os_version,
        "$is_emulator": False,
        "$locale": "en-GB",
        "$timezone": "Europe/London",
        "$screen_name": d.bug.page,
        "$session_id": d.rand.uuid7(d.epoch_ms - d.rand.randint(20_000, 900_000)),
    }


def _as_uuid(h: str) -> str:
    return f"{h[:8]}-{h[8:12]}-7{h[13:16]}-8{h[17:20]}-{h[20:32]}"


def destination(d: Delivery) -> dict[str, Any]:
    pid, pname = d.company.posthog_project
    uuid = d.rand.uuid7(d.epoch_ms)
    distinct = d.rand.uuid7(d.epoch_ms - 86_400_000 * d.rand.randint(1, 200))
    if d.service.platform == "python":
        distinct = d.values["user"]
    ts = d.iso(3)
    # posthog-node captures server errors without a person profile.
    anonymous = d.opts.get("anonymous", d.index % 4 == 3 or d.service.platform == "node")
    person = None
    if not anonymous:
        email = d.values["email"]
        person = {
            "id": d.rand.uuid(),
            "properties": {"email": email, "plan": d.rand.choice(("free", "pro", "team"))},
            "name": email,
            "url": f"https://eu.posthog.com/project/{pid}/person/{distinct}",
        }
    return {
        "event": {
            "uuid": uuid,
            "event": "$exception",
            "distinct_id": distinct,
            "properties": server_properties(d, distinct)
            if d.service.platform == "python"
            else node_properties(d)
            if d.service.platform == "node"
            else rn_properties(d)
            if d.service.platform == "react-native"
            else dart_properties(d)
            if d.service.platform == "dart"
            else ios_properties(d)
            if d.service.platform == "cocoa"
            else unity.posthog_properties(d)
            if d.service.framework == "unity"
            else android11.posthog_properties(d)
            if d.service.framework == "android"
            else posthog65.java_server_properties(d)
            if d.service.platform == "java"
            else posthog84.go_properties(d)
            if d.company.key in ("iu", "jm", "jv")  # blind84, blind90, blind93: posthog-go
            else posthog66.dotnet_properties(d)
            if d.company.key in ("gs", "hk", "ii", "jg")  # blind66, 72, 80, 88: posthog-dotnet
            else posthog68.ruby_properties(d)
            if d.company.key in ("gy", "hm", "ht", "js", "ke", "kt", "lo")  # blind68..108: ruby
            or d.company.key == "mi"  # blind114: posthog-ruby in a Sinatra error block
            else posthog105.php_properties(d)
            if d.company.key == "lf"  # blind105: posthog-php from a Laravel handler
            else posthog107.blazor_properties(d)
            if d.service.framework == "blazor-wasm" and d.company.key in ("ll", "lm")  # blind107
            else properties(d),
            "elements_chain": "",
            "timestamp": ts,
            "url": f"https://eu.posthog.com/project/{pid}/events/{uuid}/{ts}",
        },
        "person": person,
        "project": {"id": pid, "name": pname, "url": f"https://eu.posthog.com/project/{pid}"},
    }


def action_hook(d: Delivery) -> dict[str, Any]:
    """The legacy REST hook (Zapier-style) shape."""
    pid, _ = d.company.posthog_project
    distinct = d.rand.uuid7(d.epoch_ms - 86_400_000)
    return {
        "hook": {
            "id": d.rand.uuid(),
            "event": "action_performed",
            "target": "https://soulcaster.example/ingest/posthog/webhook",
        },
        "data": {
            "eventUuid": d.rand.uuid7(d.epoch_ms),
            "event": "$exception",
            "teamId": pid,
            "distinctId": distinct,
            "properties": properties(d),
            "timestamp": d.iso(3),
            "elementsList": [],
            "person": {
                "uuid": d.rand.uuid(),
                "properties": {"email": d.values["email"]},
                "created_at": "2025-11-02T09:14:51.201Z",
            },
        },
    }


def render(d: Delivery, tool: str) -> tuple[dict[str, str], dict[str, Any]]:
    body = action_hook(d) if d.opts.get("hook") else destination(d)
    headers = {"Content-Type": "application/json"}
    if not d.opts.get("hook"):
        headers["X-Soulcaster-Token"] = stable_hex(32, "posthog-token", d.company.key)
    return headers, body
