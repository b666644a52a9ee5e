"""(ac) Saffronhill, a collaborative whiteboard and docs tool: a React Router 7 (Remix) app
built with Vite (``web`` in the browser, ``web-server`` its Node server: loaders and actions),
a Bun worker that renders exports (``export-worker``), and an Electron desktop app (``desktop``,
the renderer; ``desktop-main``, the main process with electron-updater and a local SQLite
cache).

Sentry sees all of them (@sentry/react-router, @sentry/bun, @sentry/electron); PostHog gets
``$exception`` events from the browser and the desktop renderer (posthog-js) and from the main
process (posthog-node). Splunk indexes the Node server's stderr (``console.error`` of the
server build, no source maps), Bun's stderr, and electron-log files the desktop app uploads
with a support request. Datadog watches the Node server (logs and APM) with the team's
template (an ``event`` and an ``alert`` object).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, nd

ORIGIN = "https://app.saffronhill.example"
DESKTOP = "file:///Applications/Saffronhill.app/Contents/Resources/app.asar/out/renderer"
DESKTOP_RELEASES = (
    "saffronhill-desktop@4.2.0",
    "saffronhill-desktop@4.2.1",
    "saffronhill-desktop@4.3.0",
)
RR_SDK = ("sentry.javascript.react-router", "9.10.0", "npm:@sentry/react-router")
ELECTRON_SDK = ("sentry.javascript.electron", "5.6.0", "npm:@sentry/electron")

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "web": Service("web", "javascript", "", "", "", "", 7340011, origin=ORIGIN, framework="react-router", sdk=RR_SDK),
    "web-server": Service("web-server", "node", "node-console", "saffronhill:web-server", "/var/log/containers/web-server.log", "sh_prod", 7340014, "node v22.11.0", framework="react-router", sdk=RR_SDK),
    "export-worker": Service("export-worker", "node", "bun-console", "saffronhill:export-worker", "/var/log/containers/export-worker.log", "sh_prod", 7340017, "bun 1.1.34", sdk=("sentry.javascript.bun", "9.10.0", "npm:@sentry/bun")),
    "desktop": Service("desktop", "javascript", "", "", "", "", 7340020, origin=DESKTOP, framework="electron", sdk=ELECTRON_SDK, releases=DESKTOP_RELEASES),
    "desktop-main": Service("desktop-main", "node", "electron-log", "saffronhill:desktop:electron-log", "support-uploads/main.log", "sh_support", 7340020, "node v20.14.0", framework="electron", sdk=ELECTRON_SDK, releases=DESKTOP_RELEASES),
}

# React 19's client (a production build Vite minifies again) and React Router's runtime chunk.
RD = "node_modules/react-dom/cjs/react-dom-client.production.js"
R19_CLICK = (
    js(RD, "dispatchEventForPluginEventSystem", 12466, 11, "react-dom", lib=True),
    js(RD, "batchedUpdates$1", 1543, 14, "react-dom", lib=True),
    js(RD, "processDispatchQueue", 12316, 13, "react-dom", lib=True),
    js(RD, "executeDispatch", 12276, 9, "react-dom", lib=True),
)
R19_EFFECT = (
    js(RD, "flushPassiveEffects", 11203, 9, "react-dom", lib=True),
    js(RD, "commitPassiveMountOnFiber", 10524, 13, "react-dom", lib=True),
    js(RD, "commitHookEffectListMount", 9411, 29, "react-dom", lib=True),
)
R19_RENDER = (
    js(RD, "performWorkOnRoot", 10783, 22, "react-dom", lib=True),
    js(RD, "renderRootSync", 11391, 11, "react-dom", lib=True),
    js(RD, "beginWork", 7411, 16, "react-dom", lib=True),
    js(RD, "renderWithHooks", 5394, 22, "react-dom", lib=True),
)
R19_HYDRATE = (
    js(RD, "performWorkOnRoot", 10783, 22, "react-dom", lib=True),
    js(RD, "renderRootSync", 11391, 11, "react-dom", lib=True),
    js(RD, "throwOnHydrationMismatch", 2421, 11, "react-dom", lib=True),
)
# React Router's server handler down to a route module's loader or action (Node, awaited).
RRS = "node_modules/react-router/dist/production/index.mjs"
RR_SERVER = (
    nd("node_modules/@react-router/express/dist/index.js", "", 62, 24, lib=True, awaited=True),
    nd(RRS, "requestHandler", 9012, 22, lib=True, awaited=True),
    nd(RRS, "handleDocumentRequest", 8874, 17, lib=True, awaited=True),
    nd(RRS, "query", 2904, 22, lib=True, awaited=True),
    nd(RRS, "callLoaderOrAction", 4310, 20, lib=True, awaited=True),
)
RR_DATA = (*RR_SERVER[:2], nd(RRS, "handleDataRequest", 8790, 22, lib=True, awaited=True), *RR_SERVER[3:])
# undici rejects from its own module after a tick: the app's frames follow, awaited.
UNDICI = (
    nd("node:internal/process/task_queues", "process.processTicksAndRejections", 105, 5, lib=True),
    nd("node:internal/deps/undici/undici", "", 13502, 13, lib=True),
)
UPDATER = "node_modules/electron-updater/out/"
UPDATER_CHECK = (
    nd("src/main/updates.ts", "checkForUpdates", 31, 20, awaited=True),
    nd(UPDATER + "AppUpdater.js", "AppUpdater.checkForUpdatesAsync", 343, 28, lib=True, awaited=True),
    nd(UPDATER + "AppUpdater.js", "AppUpdater.doCheckForUpdates", 381, 24, lib=True, awaited=True),
)
IPC = (
    nd("node:electron/js2c/browser_init", "Session.<anonymous>", 2, 107280, lib=True),
    nd("node:electron/js2c/browser_init", "WebContents.<anonymous>", 2, 86343, lib=True, awaited=True),
)

NULL_TITLE = "Cannot read properties of null (reading 'title')"
FETCH_FAILED = "fetch failed"
DD_WEB = dict(team="web", monitor="web-server error logs", filter="service:web-server status:error env:prod")
SUPPORT = dict(search="desktop support logs - errors", owner="support_bot")


def rt(file: str, fn: str, line: int, col: int, bundle: str) -> Frame:
    return js("app/" + file, fn, line, col, bundle)


def srv(file: str, fn: str, line: int, col: int, *, awaited: bool = True) -> Frame:
    return nd("app/" + file, fn, line, col, awaited=awaited)


def main(file: str, fn: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd("src/main/" + file, fn, line, col, awaited=awaited)


BUGS = [
    # One V8 message from two components: V8 names only the property, Firefox and Safari the
    # variable too.
    Bug("sh-web-owner-id", "web", (Exc("TypeError", frames=(*R19_RENDER, rt("routes/settings.billing.tsx", "BillingPage", 48, 31, "settings.billing"), rt("components/billing/OwnerCard.tsx", "OwnerCard", 17, 42, "settings.billing")), js=JsError("read-undefined", "workspace.owner", "id")),),
        (see("posthog", 2, browser="chrome", chunk="settings.billing"), see("posthog", browser="firefox", chunk="settings.billing"), see("posthog", browser="safari", chunk="settings.billing", resolved=True), see("sentry.error", 2, browser="chrome", chunk="settings.billing")),
        classes=(1, 3), pair="sh-web-anchor-id", page="/settings/billing"),
    Bug("sh-web-anchor-id", "web", (Exc("TypeError", frames=(*R19_CLICK, rt("components/editor/Toolbar.tsx", "onLinkClick", 88, 19, "docs._docId"), rt("lib/editor/selection.ts", "linkTarget", 12, 33, "docs._docId")), js=JsError("read-undefined", "selection.anchor", "id")),),
        (see("posthog", 2, browser="chrome", chunk="docs._docId"), see("posthog", browser="edge", chunk="docs._docId", resolved=True), see("posthog", browser="firefox", chunk="docs._docId"), see("sentry.error", browser="safari", chunk="docs._docId")),
        classes=(1, 3), pair="sh-web-owner-id", page="/d/7hXk2/roadmap-q2"),
    # The support widget's global missing after an ad blocker: PostHog only, an old posthog-js
    # on the marketing shell among them.
    Bug("sh-web-intercom", "web", (Exc("TypeError", frames=(*R19_EFFECT, rt("root.tsx", "SupportWidget.useEffect", 74, 7, "root")), js=JsError("not-function", "window.Intercom", "", '("boot", n)')),),
        (see("posthog", 2, browser="chrome", chunk="root"), see("posthog", browser="safari", chunk="root"), see("posthog", browser="firefox", chunk="root", legacy=True)),
        classes=(3,), page="/"),
    # Chunks of an old release gone after a deploy: each engine's words, a new hash per release.
    Bug("sh-web-chunk-gone", "web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="docs._docId"), see("sentry.error", browser="safari", chunk="docs._docId"), see("posthog", browser="firefox", chunk="docs._docId"), see("posthog", browser="chrome", chunk="board._boardId")),
        classes=(2, 3, 5), span=3, page="/d/7hXk2/roadmap-q2"),
    # React 19's production build: a minified error code, no app frame.
    Bug("sh-web-hydration-418", "web", (Exc("Error", "Minified React error #418; visit https://react.dev/errors/418?args[]=text&args[]= for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", R19_HYDRATE),),
        (see("sentry.error", 2, browser="chrome", chunk="root"), see("posthog", browser="edge", chunk="root"), see("sentry.issue")),
        classes=(6, 10), page="/d/7hXk2/roadmap-q2"),
    # Drafts in localStorage over the quota: a key per document, each engine's words.
    Bug("sh-web-draft-quota", "web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'sh:draft:{uuid}' exceeded the quota.", (*R19_EFFECT, rt("routes/docs.$docId.tsx", "useDraftAutosave.useEffect", 61, 9, "docs._docId"), rt("lib/drafts.ts", "saveDraft", 23, 18, "docs._docId")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", 2, browser="chrome", chunk="docs._docId"), see("posthog", browser="firefox", chunk="docs._docId"), see("posthog", browser="chrome", chunk="docs._docId", resolved=True)),
        classes=(2, 3), page="/d/7hXk2/roadmap-q2"),
    # Server loaders: one null read in two routes. The server build runs without source maps,
    # so its console trace points into build/server/index.js.
    Bug("sh-srv-doc-null", "web-server", (Exc("TypeError", NULL_TITLE, (*RR_SERVER, srv("routes/docs.$docId.tsx", "loader", 24, 27), srv("lib/docs.server.ts", "docMeta", 41, 22, awaited=False))),),
        (see("sentry.error", 2), see("splunk", 2), see("posthog", resolved=True), see("datadog.log", style="kind", **DD_WEB), see("splunk", search="web-server errors by route", stats={"route": "routes/docs.$docId", "error": "TypeError: Cannot read properties of null (reading 'title')", "count": "{n}"})),
        classes=(1, 4, 10), pair="sh-srv-template-null", entry="GET /d/{id}/{slug}"),
    Bug("sh-srv-template-null", "web-server", (Exc("TypeError", NULL_TITLE, (*RR_SERVER, srv("routes/templates.$templateId.tsx", "loader", 19, 31), srv("lib/templates.server.ts", "toCard", 12, 18, awaited=False))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", style="kind", **DD_WEB), see("splunk", search="web-server errors by route", stats={"route": "routes/templates.$templateId", "error": "TypeError: Cannot read properties of null (reading 'title')", "count": "{n}"})),
        classes=(1, 4, 10), pair="sh-srv-doc-null", entry="GET /templates/{id}"),
    # undici's "fetch failed" over two causes from two routes.
    Bug("sh-srv-unsplash-timeout", "web-server", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: api.unsplash.example:443, timeout: 10000ms)"), Exc("TypeError", FETCH_FAILED, (*RR_DATA, srv("routes/api.images.search.ts", "loader", 15, 20), srv("lib/unsplash.server.ts", "searchPhotos", 33, 24), *UNDICI))),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team="web", monitor="web-server route errors")),
        classes=(1, 9), pair="sh-srv-presence-refused", entry="GET /api/images/search"),
    Bug("sh-srv-presence-refused", "web-server", (Exc("Error", "connect ECONNREFUSED {ip}:8080"), Exc("TypeError", FETCH_FAILED, (*RR_DATA, srv("routes/api.presence.ts", "action", 28, 22), srv("lib/collab.server.ts", "publishPresence", 57, 18), *UNDICI))),
        (see("sentry.error", 2), see("splunk", 2, mapped=True), see("datadog.log", style="sample", **DD_WEB)),
        classes=(1, 2, 9), pair="sh-srv-unsplash-timeout", entry="POST /api/presence"),
    # Zod rejecting an invite action's form: a multi-line message; over two releases.
    Bug("sh-srv-invite-zod", "web-server", (Exc("ZodError", '[\n  {\n    "code": "invalid_type",\n    "expected": "string",\n    "received": "undefined",\n    "path": [\n      "workspaceId"\n    ],\n    "message": "Required"\n  }\n]', (*RR_DATA, srv("routes/settings.members.tsx", "action", 52, 35), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 19, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2), see("sentry.alert", rule="web-server: new issue")),
        classes=(5, 10), span=2, renames={"action": "inviteAction"}, entry="POST /settings/members"),
    # The Bun export worker: JavaScriptCore's words for a missing total, in Bun's trace and
    # in Sentry.
    Bug("sh-bun-total", "export-worker", (Exc("TypeError", frames=(nd("src/worker.ts", "processJob", 44, 11, awaited=True), nd("src/export/pdf.ts", "renderInvoice", 41, 9, awaited=True), Frame("formatTotal", "src/export/totals.ts", 13, "", True, "  return row.total.toFixed(2);", "", 21)), js=JsError("read-undefined", "row.total", "toFixed")),),
        (see("splunk", 3), see("sentry.error", 2, browser="safari")),
        classes=(3, 4), entry="export:pdf"),
    Bug("sh-bun-font", "export-worker", (Exc("Error", "ENOENT: no such file or directory, open '/app/assets/fonts/Inter-SemiBold.ttf'", (nd("src/worker.ts", "processJob", 44, 11, awaited=True), nd("src/export/pdf.ts", "renderInvoice", 29, 16, awaited=True), Frame("loadFont", "src/export/fonts.ts", 8, "", True, "  const bytes = await Bun.file(path).arrayBuffer();", "", 39))),),
        (see("splunk", 2), see("sentry.error", 2)),
        classes=(4,), entry="export:pdf", span=2),
    # The desktop renderer: a canvas ref read before mount; Electron's Chromium.
    Bug("sh-desk-canvas-null", "desktop", (Exc("TypeError", frames=(*R19_EFFECT, js("src/renderer/src/board/Whiteboard.tsx", "Whiteboard.useEffect", 66, 34, "index"), js("src/renderer/src/board/paint.ts", "attachPainter", 9, 27, "index")), js=JsError("read-null", "canvasRef.current", "getContext")),),
        (see("posthog", 2, browser="electron", chunk="index"), see("posthog", browser="electron", chunk="index", resolved=True), see("sentry.error", 2, browser="electron", chunk="index")),
        classes=(1, 5), span=2, page="/index.html"),
    Bug("sh-desk-preload-api", "desktop", (Exc("TypeError", frames=(*R19_EFFECT, js("src/renderer/src/App.tsx", "useMenuBridge.useEffect", 22, 20, "index")), js=JsError("not-function", "window.saffron", "onMenu", "(e)")),),
        (see("posthog", 2, browser="electron", chunk="index"), see("sentry.error", browser="electron", chunk="index")),
        classes=(1,), page="/index.html"),
    # The main process: electron-updater failing two ways through the same check.
    Bug("sh-desk-updater-404", "desktop-main", (Exc("HttpError", '404 \n"method: GET url: https://updates.saffronhill.example/desktop/latest-mac.yml?noCache=1i{hex}\\n\\nPlease double check that your authentication token is correct. Due to security reasons, actual status maybe not reported, but 404.\\n"\nHeaders: {\n  "content-type": "application/xml",\n  "x-amz-request-id": "{hex2}"\n}', (*UPDATER_CHECK, nd(UPDATER + "providers/GenericProvider.js", "GenericProvider.getLatestVersion", 28, 23, lib=True, awaited=True))), Exc("Error", 'Cannot find channel "latest-mac.yml" update info: HttpError: 404 \n"method: GET url: https://updates.saffronhill.example/desktop/latest-mac.yml?noCache=1i{hex}\\n\\nPlease double check that your authentication token is correct. Due to security reasons, actual status maybe not reported, but 404.\\n"', (*UPDATER_CHECK, nd(UPDATER + "providers/GenericProvider.js", "GenericProvider.getLatestVersion", 35, 19, lib=True, awaited=True), nd("node_modules/builder-util-runtime/out/error.js", "newError", 5, 19, lib=True)))),
        (see("splunk", 2, os="mac", **SUPPORT), see("sentry.error", 2), see("posthog")),
        classes=(1, 2, 9), pair="sh-desk-updater-unsigned", log="Error in auto-updater.", entry="checkForUpdates"),
    Bug("sh-desk-updater-unsigned", "desktop-main", (Exc("Error", 'New version 4.3.0 is not signed by the application owner: publisherNames: Saffronhill Ltd, raw info: {\n  "SignerCertificate": {\n    "Subject": "CN=Saffronhill Limited, O=Saffronhill Limited, L=Leeds, C=GB"\n  },\n  "Status": 0,\n  "StatusMessage": "Signature verified."\n}', (*UPDATER_CHECK, nd(UPDATER + "NsisUpdater.js", "NsisUpdater.doDownloadUpdate", 145, 27, lib=True, awaited=True), nd("node_modules/builder-util-runtime/out/error.js", "newError", 5, 19, lib=True))),),
        (see("splunk", 2, os="win", **SUPPORT), see("sentry.error", 2)),
        classes=(1, 9), pair="sh-desk-updater-404", log="Error in auto-updater.", entry="checkForUpdates"),
    # Export to PDF from the desktop app: the main process' IPC handler runs out of disk.
    Bug("sh-desk-export-enospc", "desktop-main", (Exc("Error", "ENOSPC: no space left on device, write", (*IPC, main("ipc/export.ts", "handleExportPdf", 38, 5, awaited=True), nd("node:internal/fs/promises", "writeFile", 1031, 3, lib=True))),),
        (see("splunk", 2, os="win", **SUPPORT), see("sentry.error", 2), see("posthog")),
        classes=(1,), log="ipc doc:export-pdf failed", entry="doc:export-pdf"),
    Bug("sh-desk-sqlite-busy", "desktop-main", (Exc("SqliteError", "database is locked", (main("cache/sync.ts", "syncLoop", 71, 11, awaited=True), main("cache/store.ts", "LocalStore.putBoards", 112, 17), nd("node_modules/better-sqlite3/lib/methods/transaction.js", "sqliteTransaction", 65, 24, lib=True))),),
        (see("splunk", 2, os="mac", **SUPPORT), see("sentry.error", 3), see("splunk", search="desktop support uploads by error", owner="support_bot", stats={"app_version": "4.2.1", "error": "SqliteError: database is locked", "uploads": "{n}"})),
        classes=(4,), log="cache sync failed", entry="cache-sync"),
    # The renderer dying: the main process logs the event, no trace.
    Bug("sh-desk-renderer-oom", "desktop-main", (),
        (see("splunk", 2, line='[{gts}.{millis}] [error] render-process-gone { reason: \'oom\', exitCode: -536870904 } board={id}', **SUPPORT),),
        classes=(8,)),
]

NOISE = [
    Noise("sh-noise-deploy", "web-server", "datadog.event", {"monitor": "Deployed web-server 2026.03.11", "text": "Fly.io release v214 of web-server is live.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("sh-noise-updater-info", "desktop-main", "splunk", {"search": "desktop support logs - errors", "owner": "support_bot", "line": "[{gts}.{millis}] [info]  Checking for update"}),
    Noise("sh-noise-recovered", "web-server", "datadog.log", {"monitor": "web-server error logs", "transition": "Recovered", "text": "web-server error logs back under the threshold.", "team": "web", "filter": "service:web-server status:error env:prod"}),
]

SAFFRONHILL = Company(
    key="ac",
    name="Saffronhill",
    domain="saffronhill.example",
    sentry_org="saffronhill",
    splunk_url="https://saffronhill.splunkcloud.com",
    splunk_guid="6A0D3E1F-92B4-47C8-B5E2-1F8C7A94D023",
    datadog_org=("874530", "Saffronhill"),
    datadog_template="saffronhill",
    posthog_project=(41207, "Saffronhill"),
    releases=("2026.03.02", "2026.03.06", "2026.03.11"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="saffronhill-sentry-client-secret",
)
