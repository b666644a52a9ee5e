"""(nj) Greysouthen Studio, a desktop label- and packaging-design app for print shops on Windows
and macOS: Electron 30 built by electron-vite. ``studio`` is the React 18 renderer (served from
``app://./renderer``, Vite chunks), ``studio-main`` the main process on Electron's Node 20:
electron-updater against the team's update server, ``ipcMain.handle`` handlers the renderer
invokes (project save/export, font scanning), the file system, sharp for thumbnails, one
``net.request`` helper for the template store and the licence server.

Sentry: @sentry/electron in both processes (renderer frames mapped, the main process' under
``app:///``; one release shipped without main-process source maps; native crashes arrive as
minidumps). PostHog: posthog-js in the renderer (``$exception``, minified frames, some
resolved). The main process' electron-log 5 remote transport posts errors to the team's log
relay, which writes them to Splunk HEC (one saved search over all main-process errors) and to
Datadog's HTTP intake (one log monitor over them). All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import REACT_CLICK, REACT_RENDER, js, nd

ORIGIN = "app://./renderer"
RELEASES = ("greysouthen-studio@4.2.0", "greysouthen-studio@4.2.1", "greysouthen-studio@4.3.0")
SDK = ("sentry.javascript.electron", "5.4.0", "npm:@sentry/electron")

# fmt: off
SERVICES = {
    "studio": Service("studio", "javascript", "", "", "", "", 12330031, origin=ORIGIN, framework="electron", sdk=SDK, releases=RELEASES),
    "studio-main": Service("studio-main", "node", "nj-relay", "electron-log:remote", "log-relay:studio-main", "desktop_apps", 12330032, "node v20.16.0", framework="electron", sdk=SDK, releases=RELEASES),
}


def r(file: str, fn: str, line: int, col: int, bundle: str = "index") -> Frame:
    return js("src/renderer/" + file, fn, line, col, bundle)


def m(file: str, fn: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd("src/main/" + file, fn, line, col, awaited=awaited)


IPC = (
    nd("node:electron/js2c/browser_init", "IpcMainImpl.emit", 2, 71021, lib=True),
    nd("node:electron/js2c/browser_init", "WebContents.<anonymous>", 2, 87114, lib=True, awaited=True),
)
UPDATER = "node_modules/electron-updater/out/"
UPDATE_CHECK = (
    m("updater.ts", "checkNow", 38, 11, awaited=True),
    nd(UPDATER + "AppUpdater.js", "NsisUpdater.checkForUpdates", 217, 34, lib=True, awaited=True),
    nd(UPDATER + "AppUpdater.js", "NsisUpdater.doCheckForUpdates", 293, 24, lib=True, awaited=True),
)
NET = (
    m("net/request.ts", "requestJson", 27, 13, awaited=True),
    nd("node:electron/js2c/browser_init", "ClientRequest.<anonymous>", 2, 41302, lib=True),
    nd("node:electron/js2c/browser_init", "SimpleURLLoaderWrapper.<anonymous>", 2, 39859, lib=True),
)
SHARP = (
    nd("node_modules/sharp/lib/output.js", "Sharp._pipeline", 1374, 25, lib=True),
    nd("node_modules/sharp/lib/output.js", "Sharp.toBuffer", 163, 15, lib=True),
)
FS_OPEN = nd("node:internal/fs/promises", "open", 639, 25, lib=True)
BOUNDS = JsError("read-undefined", "layer.bounds", "width")

WIN, MAC = dict(browser="electron-win"), dict(browser="electron-mac")
SEARCH = dict(search="Greysouthen Studio - main process errors", owner="desktop_team", app="greysouthen")
DD = dict(team="desktop", monitor="[studio] main process errors", format="nj-dd", filter="service:studio-main source:electron-log status:error", text="{{log.attributes.logger.name}}: {{log.attributes.message}}\n\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}\n```\n{{log.attributes.error.stack}}\n```")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


EACCES = "EACCES: permission denied, open '/Volumes/PrintShare/jobs/{hex}.gsproj'"
SHARP_FMT = "Input buffer contains unsupported image format"

BUGS = [
    # 1. electron-updater's check: a checksum mismatch and a missing latest.yml.
    Bug("nj-update-checksum", "studio-main", (Exc("Error", "sha512 checksum mismatch, expected {hex}, got {args}", (*UPDATE_CHECK, nd(UPDATER + "DifferentialDownloader.js", "checkSha512", 143, 19, lib=True))),),
        (see("sentry.error", 2, **WIN), see("sentry.error", **MAC), spl(2, logscope="updater", **WIN), dd(**WIN, logscope="updater")),
        log="auto-update failed", classes=(4,), pair="nj-update-feed-404", entry="updater"),
    Bug("nj-update-feed-404", "studio-main", (Exc("HttpError", "404 \"Cannot find latest.yml in the latest release artifacts (https://updates.greysouthen.example/win/latest.yml): HttpError: 404 \"", (*UPDATE_CHECK, nd(UPDATER + "providers/GenericProvider.js", "GenericProvider.getLatestVersion", 41, 23, lib=True, awaited=True), nd("node_modules/builder-util-runtime/out/httpExecutor.js", "createHttpError", 13, 12, lib=True))),),
        (see("sentry.error", 3, **WIN), spl(2, logscope="updater", **WIN), dd(2, **WIN, logscope="updater")),
        log="auto-update failed", classes=(4,), pair="nj-update-checksum", entry="updater"),
    # 2. EACCES on a project file: the save handler and the autosave timer.
    Bug("nj-save-eacces", "studio-main", (Exc("Error", EACCES, (*IPC, m("ipc/project.ts", "handleSave", 44, 20, awaited=True), m("project/store.ts", "writeProject", 71, 16, awaited=True), FS_OPEN)),),
        (see("sentry.error", 2, **WIN), see("sentry.error", sourcemaps=False, release=1, **MAC), spl(2, logscope="ipc"), dd(logscope="ipc")),
        log="Error occurred in handler for 'project:save'", classes=(4, 10), pair="nj-autosave-eacces", entry="project:save"),
    Bug("nj-autosave-eacces", "studio-main", (Exc("Error", EACCES, (m("project/autosave.ts", "Autosave.tick", 33, 9, awaited=True), m("project/autosave.ts", "Autosave.flush", 52, 22, awaited=True), FS_OPEN)),),
        (see("sentry.error", 3, **MAC), spl(logscope="autosave", **MAC), spl(logscope="autosave", **WIN), dd(**MAC, logscope="autosave")),
        log="autosave failed", classes=(4,), pair="nj-save-eacces", entry="autosave"),
    # 3. The same TypeError in the canvas and the inspector panel (renderer).
    Bug("nj-canvas-bounds", "studio", (Exc("TypeError", frames=(*REACT_RENDER, r("canvas/Artboard.tsx", "LayerBox", 58, 27), r("canvas/geometry.ts", "layerRect", 12, 31)), js=BOUNDS),),
        (see("sentry.error", 2, **WIN), see("sentry.error", **MAC), see("posthog", 2, **WIN), see("posthog", resolved=True, **MAC)),
        classes=(4,), pair="nj-inspector-bounds", page="/index.html#/editor"),
    Bug("nj-inspector-bounds", "studio", (Exc("TypeError", frames=(*REACT_RENDER, r("inspector/SizeFields.tsx", "SizeFields", 23, 40, "Inspector"), r("inspector/units.ts", "toMillimetres", 9, 18, "Inspector")), js=BOUNDS),),
        (see("sentry.error", 2, chunk="Inspector", **MAC), see("posthog", 2, chunk="Inspector", **WIN), see("sentry.issue", chunk="Inspector", **WIN)),
        classes=(4,), pair="nj-canvas-bounds", page="/index.html#/editor"),
    # 4. One net.request helper, two callers, one reset connection.
    Bug("nj-templates-reset", "studio-main", (Exc("Error", "net::ERR_CONNECTION_RESET", (*IPC, m("ipc/templates.ts", "handleListTemplates", 15, 22, awaited=True), m("templates/store.ts", "fetchCatalogue", 31, 18, awaited=True), *NET)),),
        (see("sentry.error", 3, **WIN), spl(2, logscope="templates", **WIN), dd(**MAC, logscope="templates")),
        log="template catalogue request failed", classes=(9,), pair="nj-licence-reset", entry="templates:list"),
    Bug("nj-licence-reset", "studio-main", (Exc("Error", "net::ERR_CONNECTION_RESET", (m("licence/check.ts", "verifyLicence", 40, 15, awaited=True), m("licence/check.ts", "postActivation", 66, 22, awaited=True), *NET)),),
        (see("sentry.error", 2, **MAC), see("sentry.alert", rule="licence check errors", **WIN), spl(2, logscope="licence", **MAC), dd(**WIN, logscope="licence")),
        log="licence check failed", classes=(9,), pair="nj-templates-reset", entry="licence"),
    # 5. sharp's unsupported format: thumbnails of recent projects and image import.
    Bug("nj-thumb-sharp", "studio-main", (Exc("Error", SHARP_FMT, (m("thumbs/thumbnails.ts", "renderThumbnail", 24, 10, awaited=True), *SHARP)),),
        (see("sentry.error", 2, **WIN), see("sentry.error", 2, release=2, **MAC), spl(2, logscope="thumbs"), dd(logscope="thumbs", **WIN)),
        log="thumbnail failed", classes=(4, 5), pair="nj-import-sharp", entry="thumbs", span=3),
    Bug("nj-import-sharp", "studio-main", (Exc("Error", SHARP_FMT, (*IPC, m("ipc/assets.ts", "handleImportImage", 19, 24, awaited=True), m("assets/import.ts", "normaliseImage", 47, 12, awaited=True), *SHARP)),),
        (see("sentry.error", 3, **MAC), spl(2, logscope="ipc", **MAC), dd(**MAC, logscope="ipc")),
        log="Error occurred in handler for 'assets:import'", classes=(4,), pair="nj-thumb-sharp", entry="assets:import"),
    # Not pairs.
    Bug("nj-fonts-emfile", "studio-main", (Exc("Error", "EMFILE: too many open files, open '/Library/Fonts/{hex}.otf'", (*IPC, m("ipc/fonts.ts", "handleScanFonts", 12, 20, awaited=True), m("fonts/scan.ts", "readFontMeta", 38, 25, awaited=True), FS_OPEN)),),
        (see("sentry.error", 3, **MAC), spl(2, logscope="fonts", **MAC), dd(**MAC, logscope="fonts")),
        log="Error occurred in handler for 'fonts:scan'", entry="fonts:scan"),
    Bug("nj-recent-json", "studio-main", (Exc("SyntaxError", "Unexpected end of JSON input", (m("index.ts", "whenReady", 22, 5, awaited=True), m("recent/recent.ts", "loadRecentProjects", 17, 18, awaited=True), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 2, **WIN), see("sentry.error", 2, release=2, **WIN), spl(2, logscope="recent", **WIN)),
        log="could not read recent projects", classes=(5,), entry="startup", span=3, renames={"loadRecentProjects": "readRecentList"}),
    Bug("nj-zoom-not-function", "studio", (Exc("TypeError", frames=(*REACT_CLICK, r("toolbar/ZoomControls.tsx", "ZoomControls.onZoomIn", 31, 18)), js=JsError("not-function", "viewport.setZoom", "setZoom", "(n)")),),
        (see("sentry.error", 2, **MAC), see("sentry.error", release=2, **WIN), see("posthog", 2, **WIN), see("posthog", resolved=True, release=2, **MAC)),
        classes=(5,), page="/index.html#/editor", span=3),
    Bug("nj-undo-stack-overflow", "studio", (Exc("RangeError", "Maximum call stack size exceeded", (*REACT_CLICK, r("history/undo.ts", "undo", 44, 9, "History"), r("history/patch.ts", "applyPatch", 71, 20, "History"), r("history/patch.ts", "applyPatch", 71, 20, "History"))),),
        (see("sentry.error", 2, chunk="History", **WIN), see("posthog", 2, chunk="History", **WIN)),
        page="/index.html#/editor"),
    Bug("nj-print-crash", "studio-main", (Exc("EXCEPTION_ACCESS_VIOLATION_READ", "Fatal Error: EXCEPTION_ACCESS_VIOLATION_READ"),),
        (see("sentry.error", 3, mechanism="minidump", **WIN),),
        entry="print"),
    # Seen once.
    Bug("nj-window-null", "studio-main", (Exc("TypeError", "Cannot read properties of null (reading 'webContents')", (m("windows/main.ts", "onSecondInstance", 58, 24),)),),
        (see("sentry.error", **WIN),),
        singleton=True, entry="second-instance"),
]

NOISE = [
    Noise("nj-noise-crashfree", "studio", "sentry.metric", {"rule": "studio crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("nj-noise-release", "studio-main", "splunk", {**SEARCH, "line": '{"client":{"name":"Greysouthen Studio","version":"4.3.0","os":"win32"},"data":["update downloaded: 4.3.0, will install on quit"],"date":"{tsms}","level":"info","scope":"updater","variables":{"processType":"main"}}'}),
    Noise("nj-noise-recovered", "studio-main", "datadog.log", {"monitor": "[studio] main process errors", "transition": "Recovered", "alert_type": "success", "team": "desktop", "filter": "service:studio-main source:electron-log status:error", "text": "Desktop main-process errors are back to normal."}),
]

GREYSOUTHEN = Company(
    key="nj",
    name="Greysouthen Studio",
    domain="greysouthen.example",
    sentry_org="greysouthen",
    splunk_url="https://greysouthen.splunkcloud.example",
    splunk_guid="D82F4B17-6A3E-4C95-B0D1-7E2A9F5C3B46",
    datadog_org=("1230033", "Greysouthen Studio"),
    datadog_template="recommended",
    posthog_project=(92303, "Greysouthen Studio"),
    releases=("4.2.0", "4.2.1", "4.3.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="greysouthen-sentry-client-secret",
)
# fmt: on
