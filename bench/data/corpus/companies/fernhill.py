"""(kx) Fernhill Surveys, a building-survey firm's field app: a Tauri 2 desktop app its
surveyors run on Windows laptops, MacBooks and a few Ubuntu tablets. ``surveyor``: the React 18
front end built by Vite, in the system webview (WKWebView on macOS and WebKitGTK on Linux,
served from ``tauri://localhost``, JavaScriptCore's wording; WebView2 on Windows, served from
``http://tauri.localhost``, V8's wording: ``svc=surveyor-win``). ``surveyor-core``: the Rust
side, ``#[tauri::command]`` functions behind ``invoke()`` over a rusqlite survey database,
photo handling with the ``image`` crate, report export and a sync client on reqwest. A command
returns ``Result<T, String>`` with ``format!("{err:#}")``, so a failure reaches the front end
as a promise rejected with that string; where the front end does not catch it, @sentry/browser
reports a non-Error rejection.

Sentry: tauri-plugin-sentry (sentry-rust 0.34 in the backend with its panic integration and
``capture_anyhow`` in the commands' error mapping; @sentry/browser in the webview, source maps
uploaded for two of the three releases). PostHog: posthog-js in the webview. No Splunk, no
Datadog: the app's logs stay on the laptops.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js
from .gannet import ANYHOW_CONTEXT, TOKIO, UNWRAP, UNWRAP_PANIC, dep, rs, std

RELEASES = ("fernhill-surveyor@3.4.0", "fernhill-surveyor@3.4.1", "fernhill-surveyor@3.5.0")
SDK_JS = ("sentry.javascript.browser", "8.42.0", "npm:@sentry/browser")
SDK_RS = ("sentry.rust", "0.34.0", "cargo:sentry")

# fmt: off
SERVICES = {
    "surveyor": Service("surveyor", "javascript", "", "", "", "", 9102301, origin="tauri://localhost", framework="onerror", sdk=SDK_JS, releases=RELEASES),
    "surveyor-win": Service("surveyor-win", "javascript", "", "", "", "", 9102301, origin="http://tauri.localhost", framework="onerror", sdk=SDK_JS, releases=RELEASES),
    "surveyor-core": Service("surveyor-core", "rust", "", "", "", "", 9102301, "rustc 1.82.0", framework="generic", sdk=SDK_RS, releases=RELEASES),
}


def core(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"fernhill_surveyor::{function}", f"src-tauri/src/{file}", line, col)


def ui(file: str, fn: str, line: int, col: int, bundle: str = "index") -> Frame:
    return js("src/" + file, fn, line, col, bundle)


# A command invoked from the webview, run on Tauri's async runtime (oldest first).
INVOKE = (
    *TOKIO,
    dep("tauri::ipc::InvokeResolver<R>::respond_async_serialized::{{closure}}", "tauri-2.1.1/src/ipc/mod.rs", 331, 29),
    dep("fernhill_surveyor::commands::__cmd__dispatch::{{closure}}", "tauri-macros-2.0.3/src/command/wrapper.rs", 142, 5),
)
RUSQLITE = dep("rusqlite::Connection::execute", "rusqlite-0.32.1/src/lib.rs", 600, 9)
IMAGE_OPEN = dep("image::dynimage::open", "image-0.25.2/src/dynimage.rs", 1111, 5)
# The webview's invoke wrapper, at the end of every caught command failure.
CALL = ui("lib/tauri.ts", "call", 12, 11)
ROOM_AREA = JsError("read-undefined", "room.dimensions", "width")


def rejected(value: str) -> tuple[Exc, ...]:
    """A command's string reaching the webview as an unhandled rejection."""
    return (Exc("UnhandledRejection", f"Non-Error promise rejection captured with value: {value}"),)


BUGS = [
    # The survey database locked by a second window: the Rust side's capture and the
    # webview's rejection of the same command, in their own words.
    Bug("kx-save-locked", "surveyor-core", (Exc("SqliteFailure", "database is locked", module="rusqlite"), Exc("Error", "saving inspection {uuid}", (*INVOKE, core("commands::inspections::save::{{closure}}", "commands/inspections.rs", 41, 14), core("db::inspections::upsert", "db/inspections.rs", 57, 10), RUSQLITE, *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("sentry.issue")),
        classes=(4,), pair="kx-save-unique", entry="save_inspection"),
    Bug("kx-save-unique", "surveyor-core", (Exc("SqliteFailure", "UNIQUE constraint failed: defects.inspection_id, defects.ref", module="rusqlite"), Exc("Error", "saving inspection {uuid}", (*INVOKE, core("commands::inspections::save::{{closure}}", "commands/inspections.rs", 41, 14), core("db::defects::insert_all", "db/defects.rs", 33, 14), RUSQLITE, *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2)),
        classes=(4, 5), pair="kx-save-locked", entry="save_inspection", span=3),
    Bug("kx-save-locked-ui", "surveyor", rejected("saving inspection {uuid}: database is locked"),
        (see("sentry.error", 2, mechanism="onunhandledrejection", browser="tauri-mac", as_group="kx-save-locked"), see("sentry.error", mechanism="onunhandledrejection", browser="tauri-win", svc="surveyor-win", as_group="kx-save-locked"), see("posthog", 2, browser="tauri-win", svc="surveyor-win", as_group="kx-save-locked"), see("posthog", browser="tauri-linux", as_group="kx-save-locked")),
        classes=(9,), page="/inspection"),
    # Report export denied by the folder's permissions: Rust's capture and the webview's rejection.
    Bug("kx-export-denied", "surveyor-core", (Exc("Os", "Permission denied (os error 13)", module="std::io"), Exc("Error", "writing report to C:\\Users\\surveyor\\OneDrive - Fernhill Surveys\\Reports\\FS-{id}.pdf", (*INVOKE, core("commands::report::export_pdf::{{closure}}", "commands/report.rs", 77, 14), core("report::pdf::write_to", "report/pdf.rs", 102, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2)),
        classes=(9,), entry="export_report"),
    Bug("kx-export-denied-ui", "surveyor", rejected("writing report to C:\\Users\\surveyor\\OneDrive - Fernhill Surveys\\Reports\\FS-{id}.pdf: Permission denied (os error 13)"),
        (see("sentry.error", 2, mechanism="onunhandledrejection", browser="tauri-win", svc="surveyor-win", as_group="kx-export-denied"), see("posthog", browser="tauri-win", svc="surveyor-win", as_group="kx-export-denied"), see("posthog", browser="tauri-win", svc="surveyor-win", as_group="kx-export-denied")),
        classes=(9,), page="/inspection/report"),
    # Two photo failures in one command: EXIF and decoding.
    Bug("kx-photo-exif", "surveyor-core", (Exc("Error", "No Exif data found", module="exif"), Exc("Error", "reading orientation of photo {hex}.heic", (*INVOKE, core("commands::photos::attach::{{closure}}", "commands/photos.rs", 28, 18), core("photos::orientation", "photos.rs", 64, 23), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("sentry.issue")),
        classes=(4,), pair="kx-photo-decode", entry="attach_photo"),
    Bug("kx-photo-decode", "surveyor-core", (Exc("Unsupported", "The image format Heic is not supported", module="image::error"), Exc("Error", "decoding photo {hex}.heic", (*INVOKE, core("commands::photos::attach::{{closure}}", "commands/photos.rs", 28, 18), core("photos::thumbnail", "photos.rs", 91, 17), IMAGE_OPEN, *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=1)),
        classes=(4,), pair="kx-photo-exif", entry="attach_photo"),
    # The same unwrap in the GPS fix and the floor-plan scale.
    Bug("kx-gps-unwrap", "surveyor-core", (Exc("panic", UNWRAP, (*INVOKE, core("commands::site::locate::{{closure}}", "commands/site.rs", 19, 30), core("gps::last_fix", "gps.rs", 44, 38), *UNWRAP_PANIC)),),
        (see("sentry.error", 3), see("sentry.issue")),
        classes=(4,), pair="kx-plan-unwrap", entry="locate_site"),
    Bug("kx-plan-unwrap", "surveyor-core", (Exc("panic", UNWRAP, (*INVOKE, core("commands::plans::import::{{closure}}", "commands/plans.rs", 52, 22), core("plans::scale_bar", "plans.rs", 118, 57), *UNWRAP_PANIC)),),
        (see("sentry.error", 2), see("sentry.error", release=2)),
        classes=(4,), pair="kx-gps-unwrap", entry="import_plan"),
    # The webview: one property read in two components, V8's and JavaScriptCore's wording.
    Bug("kx-room-area", "surveyor", (Exc("TypeError", frames=(*REACT_RENDER, ui("rooms/RoomCard.tsx", "RoomCard", 27, 33), ui("lib/geometry.ts", "floorArea", 6, 22)), js=ROOM_AREA),),
        (see("sentry.error", browser="tauri-mac"), see("sentry.error", browser="tauri-win", svc="surveyor-win"), see("posthog", 2, browser="tauri-win", svc="surveyor-win"), see("posthog", browser="tauri-linux"), see("posthog", browser="tauri-mac", resolved=True)),
        classes=(3, 4), pair="kx-schedule-area", page="/inspection/rooms"),
    Bug("kx-schedule-area", "surveyor", (Exc("TypeError", frames=(*REACT_RENDER, ui("report/ScheduleTable.tsx", "ScheduleRow", 48, 21, "Report"), ui("lib/geometry.ts", "floorArea", 6, 22)), js=ROOM_AREA),),
        (see("sentry.error", browser="tauri-win", svc="surveyor-win", chunk="Report"), see("sentry.error", browser="tauri-mac", chunk="Report", release=1, sourcemaps=False), see("posthog", 2, browser="tauri-mac", chunk="Report"), see("posthog", browser="tauri-win", svc="surveyor-win", chunk="Report")),
        classes=(3, 4), pair="kx-room-area", page="/inspection/report"),
    # One sync button, two failures the wrapper rethrows as Errors.
    Bug("kx-sync-413", "surveyor", (Exc("Error", "sync failed: uploading 1 of {n} photos: server returned 413 Payload Too Large", (*REACT_CLICK, ui("sync/SyncButton.tsx", "onSync", 19, 15), CALL)),),
        (see("sentry.error", 2, browser="tauri-win", svc="surveyor-win"), see("sentry.error", browser="tauri-mac"), see("posthog", 2, browser="tauri-mac")),
        classes=(9,), pair="kx-sync-offline", page="/sync"),
    Bug("kx-sync-offline", "surveyor", (Exc("Error", "sync failed: error sending request for url (https://api.fernhillsurveys.example/v2/sync): client error (Connect): dns error: failed to lookup address information: nodename nor servname provided, or not known", (*REACT_CLICK, ui("sync/SyncButton.tsx", "onSync", 19, 15), CALL)),),
        (see("sentry.error", 2, browser="tauri-mac"), see("posthog", browser="tauri-linux"), see("posthog", browser="tauri-mac")),
        classes=(9,), pair="kx-sync-413", page="/sync"),
    # Not pairs.
    Bug("kx-map-tiles", "surveyor", (Exc("TypeError", "Failed to fetch", (REACT_EFFECT[0], ui("map/SiteMap.tsx", "loadTiles", 33, 24, "Map")), engines={"jsc": "Load failed"}),),
        (see("sentry.error", browser="tauri-mac", chunk="Map"), see("posthog", browser="tauri-win", svc="surveyor-win", chunk="Map"), see("posthog", browser="tauri-linux", chunk="Map"), see("posthog", browser="tauri-mac", chunk="Map")),
        classes=(3,), page="/site"),
    Bug("kx-template-json", "surveyor-core", (Exc("Error", "unknown variant `bay_window`, expected one of `window`, `door`, `rooflight` at line {line} column {n}", module="serde_json"), Exc("Error", "loading report template {tmpl}", (*INVOKE, core("commands::report::render::{{closure}}", "commands/report.rs", 23, 14), core("report::template::load", "report/template.rs", 40, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", 2, release=2)),
        classes=(5,), entry="render_report", span=3, renames={"report::template::load": "report::template::load_named"}),
    Bug("kx-template-json-ui", "surveyor", rejected("loading report template {tmpl}: unknown variant `bay_window`, expected one of `window`, `door`, `rooflight` at line {line} column {n}"),
        (see("sentry.error", mechanism="onunhandledrejection", browser="tauri-mac", as_group="kx-template-json"), see("sentry.error", mechanism="onunhandledrejection", browser="tauri-linux", as_group="kx-template-json"), see("posthog", browser="tauri-win", svc="surveyor-win", as_group="kx-template-json")),
        classes=(9,), page="/inspection/report"),
    Bug("kx-defect-sort", "surveyor", (Exc("TypeError", frames=(*REACT_CLICK, ui("defects/DefectList.tsx", "sortBySeverity", 61, 40)), js=JsError("not-function", "a.severity.localeCompare", "localeCompare", "(t.severity)")),),
        (see("sentry.error", browser="tauri-win", svc="surveyor-win"), see("posthog", 2, browser="tauri-mac"), see("posthog", browser="tauri-win", svc="surveyor-win")),
        classes=(3,), page="/inspection/defects"),
    Bug("kx-singleton-window", "surveyor-core", (Exc("panic", "failed to create webview: WebView2 error: WindowsError(Error { code: HRESULT(0x80070002), message: \"The system cannot find the file specified.\" })", (*TOKIO, core("windows::open_plan_viewer", "windows.rs", 31, 10), std("core::result::unwrap_failed", "core/src/result.rs", 1654, 5))),),
        (see("sentry.error"),),
        singleton=True, entry="open_plan_viewer"),
]

NOISE = [
    Noise("kx-noise-crashfree", "surveyor", "sentry.metric", {"rule": "surveyor crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("kx-noise-errors-resolved", "surveyor-core", "sentry.metric", {"rule": "surveyor-core errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

FERNHILL = Company(
    key="kx",
    name="Fernhill Surveys",
    domain="fernhillsurveys.example",
    sentry_org="fernhill-surveys",
    splunk_url="",
    splunk_guid="",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(91023, "Fernhill surveyor"),
    releases=("3.4.0", "3.4.1", "3.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="fernhill-sentry-client-secret",
)
# fmt: on
