"""(in) Bellhollow Notes, a desktop notes app for Windows and macOS: Electron 30 built by
electron-vite (``desktop``: the React 18 renderer, served from the app's own ``app://``
protocol as ``app://./renderer/assets/index-<hash>.js`` and lazy chunks; ``desktop-main``: the
main process on Electron's Node 20, a better-sqlite3 note index, vault files on disk, a sync
client over Electron's ``net`` module, IPC handlers the renderer invokes).

Sentry: @sentry/electron in both processes (the renderer's frames mapped through uploaded
source maps, the main process' under ``app:///`` as the SDK rewrites them; one release shipped
without the main process' maps). PostHog: posthog-js in the renderer (``$exception`` with
minified frames, some events resolved), on macOS and Windows. No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, nd

ORIGIN = "app://./renderer"
RELEASES = ("bellhollow-desktop@2.8.0", "bellhollow-desktop@2.8.1", "bellhollow-desktop@2.9.0")
SDK = ("sentry.javascript.electron", "5.3.0", "npm:@sentry/electron")

# fmt: off
SERVICES = {
    "desktop": Service("desktop", "javascript", "", "", "", "", 8130031, origin=ORIGIN, framework="electron", sdk=SDK, releases=RELEASES),
    "desktop-main": Service("desktop-main", "node", "", "", "", "", 8130031, "node v20.16.0", framework="electron", sdk=SDK, releases=RELEASES),
}


def r(file: str, fn: str, line: int, col: int, bundle: str = "index") -> Frame:
    return js("src/" + file, fn, line, col, bundle)


def m(file: str, fn: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd("src/main/" + file, fn, line, col, awaited=awaited)


# Electron's IPC dispatch into an ipcMain.handle handler (oldest first).
IPC = (
    nd("node:electron/js2c/browser_init", "IpcMainImpl.emit", 2, 70916, lib=True),
    nd("node:electron/js2c/browser_init", "WebContents.<anonymous>", 2, 86891, lib=True, awaited=True),
)
SQLITE = "node_modules/better-sqlite3/lib/methods/wrappers.js"
NET = (
    nd("node:electron/js2c/browser_init", "ClientRequest.<anonymous>", 2, 41207, lib=True),
    nd("node:electron/js2c/browser_init", "SimpleURLLoaderWrapper.<anonymous>", 2, 39764, lib=True),
)
TITLE = JsError("read-undefined", "note.meta", "title")

BUGS = [
    # 1. The same TypeError in the note list and in search results.
    Bug("in-list-title-undef", "desktop", (Exc("TypeError", frames=(*REACT_RENDER, r("notes/NoteList.tsx", "NoteRow", 42, 31), r("notes/format.ts", "displayTitle", 9, 24)), js=TITLE),),
        (see("sentry.error", 2, browser="electron-mac"), see("sentry.error", browser="electron-win"), see("posthog", 2, browser="electron-win"), see("posthog", browser="electron-mac", resolved=True)),
        classes=(4,), pair="in-search-title-undef", page="/index.html#/notes"),
    Bug("in-search-title-undef", "desktop", (Exc("TypeError", frames=(*REACT_RENDER, r("search/SearchResults.tsx", "ResultItem", 57, 19, "Search"), r("search/highlight.ts", "highlightTitle", 14, 38, "Search")), js=TITLE),),
        (see("sentry.error", 2, browser="electron-win", chunk="Search"), see("sentry.error", browser="electron-mac", chunk="Search"), see("posthog", 2, browser="electron-mac", chunk="Search"), see("posthog", browser="electron-win", chunk="Search")),
        classes=(4,), pair="in-list-title-undef", page="/index.html#/search"),
    # 2. One autosave effect, two exceptions.
    Bug("in-autosave-quota", "desktop", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'draft:{uuid}' exceeded the quota.", (*REACT_EFFECT, r("editor/useAutosave.ts", "useAutosave.useEffect", 28, 11, "Editor"), r("editor/drafts.ts", "stashDraft", 16, 18, "Editor"))),),
        (see("sentry.error", 2, browser="electron-win", chunk="Editor"), see("sentry.error", browser="electron-mac", chunk="Editor", release=2), see("posthog", 2, browser="electron-win", chunk="Editor")),
        classes=(4, 5), pair="in-autosave-null-doc", page="/index.html#/editor", span=3),
    Bug("in-autosave-null-doc", "desktop", (Exc("TypeError", frames=(*REACT_EFFECT, r("editor/useAutosave.ts", "useAutosave.useEffect", 24, 36, "Editor")), js=JsError("read-null", "editorRef.current", "getMarkdown")),),
        (see("sentry.error", 3, browser="electron-mac", chunk="Editor"), see("posthog", browser="electron-mac", chunk="Editor"), see("posthog", browser="electron-win", chunk="Editor", resolved=True)),
        classes=(4,), pair="in-autosave-quota", page="/index.html#/editor"),
    # 3. One sync request helper in the main process: a reset connection and a 401.
    Bug("in-sync-reset", "desktop-main", (Exc("Error", "net::ERR_CONNECTION_RESET", (m("sync/scheduler.ts", "runSync", 33, 7, awaited=True), m("sync/client.ts", "SyncClient.pushChanges", 61, 22, awaited=True), m("sync/client.ts", "SyncClient.request", 112, 13, awaited=True), *NET)),),
        (see("sentry.error", 3), see("sentry.error", sourcemaps=False, release=1), see("sentry.alert", rule="sync failures")),
        classes=(9, 10), pair="in-sync-unauthorized", entry="sync"),
    Bug("in-sync-unauthorized", "desktop-main", (Exc("SyncHttpError", "401 Unauthorized: token expired (GET https://sync.bellhollow.example/v1/vaults/{uuid}/changes?since={id})", (m("sync/scheduler.ts", "runSync", 29, 7, awaited=True), m("sync/client.ts", "SyncClient.pullChanges", 44, 22, awaited=True), m("sync/client.ts", "SyncClient.request", 121, 15, awaited=True))),),
        (see("sentry.error", 2), see("sentry.error", sourcemaps=False, release=1)),
        classes=(9, 10), pair="in-sync-reset", entry="sync"),
    # 4. One note index upsert, two SQLite errors.
    Bug("in-index-locked", "desktop-main", (Exc("SqliteError", "database is locked", (*IPC, m("ipc/notes.ts", "handleSaveNote", 19, 24, awaited=True), m("index/NoteIndex.ts", "NoteIndex.upsert", 48, 21), nd(SQLITE, "Statement.run", 5, 23, lib=True))),),
        (see("sentry.error", 3), see("sentry.issue"), see("sentry.alert", rule="note index errors")),
        classes=(4,), pair="in-index-unique", entry="notes:save"),
    Bug("in-index-unique", "desktop-main", (Exc("SqliteError", "UNIQUE constraint failed: notes.vault_id, notes.path", (*IPC, m("ipc/notes.ts", "handleRenameNote", 37, 24, awaited=True), m("index/NoteIndex.ts", "NoteIndex.upsert", 48, 21), nd(SQLITE, "Statement.run", 5, 23, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", sourcemaps=False, release=1)),
        classes=(4,), pair="in-index-locked", entry="notes:rename"),
    # 5. The renderer: an IPC call the main process rejects, from two screens.
    Bug("in-ipc-clone-vaults", "desktop", (Exc("Error", "Error invoking remote method 'vault:list': Error: An object could not be cloned.", (r("vaults/VaultPicker.tsx", "VaultPicker.useEffect", 21, 9), r("lib/ipc.ts", "invoke", 8, 30))),),
        (see("sentry.error", 2, browser="electron-mac"), see("sentry.issue", browser="electron-mac"), see("posthog", 2, browser="electron-win")),
        classes=(9,), pair="in-ipc-clone-export", page="/index.html#/vaults"),
    Bug("in-ipc-clone-export", "desktop", (Exc("Error", "Error invoking remote method 'export:pdf': Error: An object could not be cloned.", (*REACT_CLICK, r("export/ExportDialog.tsx", "onExport", 66, 15, "Export"), r("lib/ipc.ts", "invoke", 8, 30))),),
        (see("sentry.error", 2, browser="electron-win", chunk="Export"), see("posthog", browser="electron-win", chunk="Export"), see("posthog", browser="electron-mac", chunk="Export")),
        classes=(9,), pair="in-ipc-clone-vaults", page="/index.html#/export"),
    # Not pairs.
    Bug("in-vault-enoent", "desktop-main", (Exc("Error", "ENOENT: no such file or directory, open '{vault}'", (*IPC, m("ipc/notes.ts", "handleOpenNote", 11, 20, awaited=True), m("vault/files.ts", "readNote", 23, 16, awaited=True), nd("node:internal/fs/promises", "open", 639, 25, lib=True))),),
        (see("sentry.error", 3), see("sentry.error", 2, release=2)),
        classes=(5,), entry="notes:open", span=3, renames={"handleOpenNote": "openNoteHandler"}),
    Bug("in-editor-chunk", "desktop", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (r("router.tsx", "lazyEditor", 12, 30),)),),
        (see("sentry.error", browser="electron-win", chunk="Editor"), see("sentry.error", browser="electron-mac", chunk="Editor"), see("posthog", 2, browser="electron-win", chunk="Editor")),
        page="/index.html#/editor"),
    Bug("in-tag-map-undef", "desktop", (Exc("TypeError", frames=(*REACT_CLICK, r("tags/TagPanel.tsx", "TagPanel.onToggle", 38, 24)), js=JsError("read-undefined", "tagState.selected", "map")),),
        (see("sentry.error", 2, browser="electron-mac", release=0), see("sentry.error", browser="electron-win", release=2), see("posthog", 2, browser="electron-win"), see("posthog", browser="electron-mac", resolved=True, release=2)),
        classes=(5,), page="/index.html#/notes", span=3),
    Bug("in-md-stack-overflow", "desktop", (Exc("RangeError", "Maximum call stack size exceeded", (r("editor/Preview.tsx", "Preview.useMemo", 31, 22, "Editor"), r("markdown/inline.ts", "parseInline", 88, 14, "Editor"), r("markdown/inline.ts", "parseEmphasis", 142, 12, "Editor"), r("markdown/inline.ts", "parseInline", 88, 14, "Editor"), r("markdown/inline.ts", "parseEmphasis", 142, 12, "Editor"))),),
        (see("sentry.error", 2, browser="electron-win", chunk="Editor"), see("posthog", browser="electron-mac", chunk="Editor"), see("posthog", browser="electron-win", chunk="Editor", resolved=True)),
        page="/index.html#/editor"),
    Bug("in-singleton-destroyed", "desktop-main", (Exc("TypeError", "Object has been destroyed", (m("windows/quickCapture.ts", "onGlobalShortcut", 27, 12), nd("node:electron/js2c/browser_init", "BrowserWindow.show", 2, 63112, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="shortcut:quick-capture"),
]

NOISE = [
    Noise("in-noise-crashfree", "desktop", "sentry.metric", {"rule": "desktop crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("in-noise-errors-resolved", "desktop-main", "sentry.metric", {"rule": "desktop-main errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

BELLHOLLOW = Company(
    key="in",
    name="Bellhollow Notes",
    domain="bellhollow.example",
    sentry_org="bellhollow",
    splunk_url="https://bellhollow.splunkcloud.com",
    splunk_guid="3C8D1F60-7B24-4E9A-91D5-A0E6F2B47C18",
    datadog_org=("813003", "Bellhollow Notes"),
    datadog_template="recommended",
    posthog_project=(81303, "Bellhollow desktop"),
    releases=("2.8.0", "2.8.1", "2.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="bellhollow-sentry-client-secret",
)
# fmt: on
