"""(le) Jessop Lettings, a letting agent's back office: ``admin-web``, an Angular 17 admin SPA
(standalone components, signals, lazy routes, Angular Material tables) built by the CLI's
esbuild application builder (``main-<HASH>.js``, ``polyfills-<HASH>.js`` with zone.js, lazy
routes in ``chunk-<HASH>.js``) for tenancies, rent schedules, maintenance jobs, landlord
statements and deposit returns.

Sentry: @sentry/angular 8's ``ErrorHandler`` (mechanism ``angular``), source maps from the
second release on. PostHog: posthog-js exception autocapture in Chrome, Edge, Firefox and
Safari's words, raw minified frames and, for processed events, resolved ones. Production
Angular throws bare ``NG0…`` codes; zone.js wraps unhandled rejections as ``Uncaught (in
promise): …``. No Splunk, no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import js
from .gatesgarth import COMMON, CORE, NG_CLICK, NG_INIT, NG_RENDER, ROUTER, ZONE_REJECT

# fmt: off
SDK = ("sentry.javascript.angular", "8.42.0", "npm:@sentry/angular")
SERVICES = {
    "admin-web": Service("admin-web", "javascript", "", "", "", "", 10430041, origin="https://admin.jessoplettings.example", framework="angular", sdk=SDK),
}
PIPE = (js(COMMON, "invalidPipeArgumentError", 4618, 12, "main", lib=True),)
REJECT = '{{"headers":{{"normalizedNames":{{}},"lazyUpdate":null,"headers":{{}}}},"status":{st},"statusText":"OK","url":"https://api.jessoplettings.example/admin/{path}","ok":false,"name":"HttpErrorResponse","message":"Http failure response for https://api.jessoplettings.example/admin/{path}: {st} OK","error":{err}}}'
INVALID_DATE = {"spidermonkey": "invalid date", "jsc": "Invalid Date"}


def app(path: str, function: str, line: int, col: int, chunk: str) -> object:
    return js(f"src/app/{path}", function, line, col, chunk)


MAPPED = dict(sourcemaps=False, release=0)

BUGS = [
    # The same undefined read of a tenancy's lead tenant in the tenancy table and the deposit dialog.
    Bug("le-tenancy-lead-undefined", "admin-web", (Exc("TypeError", frames=(*NG_RENDER, app("tenancies/tenancy-table.component.ts", "TenancyTableComponent_Template", 22, 37, "chunk-tenancies")), js=JsError("read-undefined", "row.leadTenant", "fullName")),),
        (see("sentry.error", browser="chrome", **MAPPED), see("sentry.error", browser="safari", release=1), see("posthog", browser="chrome"), see("posthog", browser="firefox"), see("posthog", browser="edge", resolved=True)),
        classes=(3, 4, 10), pair="le-deposit-lead-undefined", page="/tenancies", entry="/tenancies", span=2),
    Bug("le-deposit-lead-undefined", "admin-web", (Exc("TypeError", frames=(*NG_CLICK, app("deposits/deposit-return-dialog.component.ts", "DepositReturnDialogComponent.submit", 64, 41, "chunk-deposits"), app("deposits/deposit.service.ts", "DepositService.payeeName", 19, 33, "chunk-deposits")), js=JsError("read-undefined", "tenancy.leadTenant", "fullName")),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="chrome", release=2), see("posthog", browser="safari"), see("posthog", 2, browser="chrome")),
        classes=(3, 4), pair="le-tenancy-lead-undefined", page="/deposits/return", entry="/deposits/return", span=3),
    # Bare NG02100 from the date pipe in the rent schedule and the percent pipe on a landlord statement.
    Bug("le-rent-date-pipe", "admin-web", (Exc("Error", "NG02100", (*NG_RENDER, app("rent/rent-schedule.component.html", "RentScheduleComponent_Template", 14, 20, "chunk-rent"), js(COMMON, "DatePipe.transform", 4735, 19, "main", lib=True), *PIPE)),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.issue", browser="edge", release=1), see("posthog", browser="firefox"), see("posthog", browser="safari")),
        classes=(4,), pair="le-statement-percent-pipe", page="/rent/schedule", entry="/rent/schedule"),
    Bug("le-statement-percent-pipe", "admin-web", (Exc("Error", "NG02100", (*NG_RENDER, app("landlords/statement-line.component.html", "StatementLineComponent_Template", 8, 24, "chunk-landlords"), js(COMMON, "PercentPipe.transform", 4860, 19, "main", lib=True), *PIPE)),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", release=1), see("posthog", 2, browser="chrome"), see("posthog", browser="edge")),
        classes=(4,), pair="le-rent-date-pipe", page="/landlords/statements", entry="/landlords/statements"),
    # Zone-wrapped HttpClient rejections: a maintenance job conflict and the statement export's 504.
    Bug("le-job-assign-409", "admin-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=409, path="maintenance/jobs/assign", err='{"code":"CONTRACTOR_BUSY","detail":"Contractor already booked for this slot"}'), ZONE_REJECT),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.error", browser="safari", release=2), see("posthog", browser="edge", mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", mechanism="onunhandledrejection")),
        classes=(4,), pair="le-statement-export-504", page="/maintenance/jobs", entry="/maintenance/jobs"),
    Bug("le-statement-export-504", "admin-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=504, path="statements/export", err='"<html><head><title>504 Gateway Time-out</title></head></html>"'), ZONE_REJECT),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="chrome", release=2), see("posthog", 2, browser="chrome", mechanism="onunhandledrejection"), see("posthog", browser="safari", mechanism="onunhandledrejection")),
        classes=(4,), pair="le-job-assign-409", page="/landlords/statements", entry="/landlords/statements"),
    # One date helper under two callers: date-fns given an unparsed ISO string.
    Bug("le-rent-due-date", "admin-web", (Exc("RangeError", "Invalid time value", (*NG_INIT, app("rent/arrears-list.component.ts", "ArrearsListComponent.ngOnInit", 51, 27, "chunk-rent"), app("shared/dates.ts", "formatUkDate", 9, 12, "main"), js("node_modules/date-fns/format.mjs", "format", 370, 11, "main", lib=True)), engines=INVALID_DATE),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="firefox", release=2), see("posthog", browser="safari"), see("posthog", browser="edge"), see("posthog", browser="chrome")),
        classes=(3, 4, 9), pair="le-inspection-date", page="/rent/arrears", entry="/rent/arrears"),
    Bug("le-inspection-date", "admin-web", (Exc("RangeError", "Invalid time value", (*NG_CLICK, app("inspections/inspection-form.component.ts", "InspectionFormComponent.save", 88, 23, "chunk-inspections"), app("shared/dates.ts", "formatUkDate", 9, 12, "main"), js("node_modules/date-fns/format.mjs", "format", 370, 11, "main", lib=True)), engines=INVALID_DATE),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", **MAPPED), see("posthog", browser="chrome"), see("posthog", browser="firefox")),
        classes=(3, 4, 9, 10), pair="le-rent-due-date", page="/inspections/new", entry="/inspections/new"),
    # One bulk-action method, two exceptions: a selection that is null, and a stored filter that is not JSON.
    Bug("le-bulk-selection-null", "admin-web", (Exc("TypeError", frames=(*NG_CLICK, app("tenancies/bulk-actions.component.ts", "BulkActionsComponent.sendReminders", 47, 29, "chunk-tenancies")), js=JsError("read-null", "this.selection.selected", "map")),),
        (see("sentry.error", browser="chrome", **MAPPED), see("sentry.error", browser="edge", release=1), see("posthog", browser="safari"), see("posthog", browser="firefox"), see("posthog", browser="chrome")),
        classes=(3, 4, 10), pair="le-bulk-filter-json", page="/tenancies", entry="/tenancies", span=2),
    Bug("le-bulk-filter-json", "admin-web", (Exc("SyntaxError", '"undefined" is not valid JSON', (*NG_CLICK, app("tenancies/bulk-actions.component.ts", "BulkActionsComponent.sendReminders", 41, 34, "chunk-tenancies"), js("<anonymous>", "JSON.parse", 0, 0, "main", lib=True)), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unexpected identifier \"undefined\""}),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="safari", release=1), see("posthog", browser="chrome"), see("posthog", browser="edge", resolved=True)),
        classes=(3, 4), pair="le-bulk-selection-null", page="/tenancies", entry="/tenancies"),
    # Lazy chunks gone after a deploy.
    Bug("le-chunk-import", "admin-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js(ROUTER, "loadChildren", 5212, 12, "main", lib=True), js(ROUTER, "RouterPreloader.preloadConfig", 5402, 31, "main", lib=True)), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="chunk-rent", **MAPPED), see("sentry.error", browser="safari", chunk="chunk-deposits", release=1), see("sentry.error", browser="firefox", chunk="chunk-landlords", release=2), see("posthog", browser="chrome", chunk="chunk-tenancies"), see("posthog", browser="edge", chunk="chunk-rent")),
        classes=(3, 5), page="/rent/schedule", entry="/rent/schedule", span=3),
    # A signal written inside a computed(): production's bare NG0600.
    Bug("le-jobs-signal-write", "admin-web", (Exc("Error", "NG0600", (*NG_RENDER, app("maintenance/job-board.component.ts", "JobBoardComponent.overdueCount", 58, 21, "chunk-maintenance"), js(CORE, "throwInvalidWriteToSignalError", 1962, 11, "main", lib=True))),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.alert", browser="edge", release=2, rule="New issue in admin-web"), see("posthog", browser="firefox"), see("posthog", browser="chrome")),
        page="/maintenance", entry="/maintenance"),
    # A contractor's phone stored as a number.
    Bug("le-contractor-phone", "admin-web", (Exc("TypeError", frames=(*NG_INIT, app("maintenance/contractor-card.component.ts", "ContractorCardComponent.ngOnInit", 27, 44, "chunk-maintenance")), js=JsError("not-function", "this.contractor.phone", "replace", "(/\\s+/g, \"\")")),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="safari", release=2), see("posthog", browser="firefox"), see("posthog", browser="edge"), see("posthog", browser="chrome", resolved=True)),
        classes=(3,), page="/maintenance/contractors", entry="/maintenance/contractors", renames={"ContractorCardComponent.ngOnInit": "ContractorCardComponent.ngOnChanges"}),
    # A Material table sorted on a column some landlords leave empty.
    Bug("le-landlord-sort", "admin-web", (Exc("TypeError", frames=(*NG_CLICK, js("node_modules/@angular/material/fesm2022/sort.mjs", "MatSort.sort", 132, 23, "chunk-landlords", lib=True), js("node_modules/@angular/material/fesm2022/table.mjs", "MatTableDataSource.sortData", 118, 36, "chunk-landlords", lib=True), app("landlords/landlord-list.component.ts", "LandlordListComponent.sortingDataAccessor", 73, 45, "chunk-landlords")), js=JsError("read-undefined", "a.company", "localeCompare")),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="edge", release=2), see("posthog", browser="firefox"), see("posthog", browser="safari"), see("posthog", browser="chrome")),
        classes=(3,), page="/landlords", entry="/landlords"),
    # Seen once: Safari's private-mode storage quota while caching the tenancy table's filters.
    Bug("le-singleton-quota", "admin-web", (Exc("QuotaExceededError", "The quota has been exceeded.", (*NG_INIT, app("shared/table-state.service.ts", "TableStateService.persist", 33, 20, "main"))),),
        (see("posthog", browser="safari"),),
        singleton=True, page="/tenancies", entry="/tenancies"),
]

NOISE = [
    Noise("le-noise-metric-resolved", "admin-web", "sentry.metric", {"rule": "admin-web errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

JESSOP = Company(
    key="le",
    name="Jessop Lettings",
    domain="jessoplettings.example",
    sentry_org="jessop-lettings",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="default",
    posthog_project=(104300, "Jessop admin"),
    releases=("5.2.0", "5.3.0", "5.3.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jessop-sentry-client-secret",
)
# fmt: on
