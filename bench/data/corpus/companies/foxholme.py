"""(fg) Foxholme Allotments, allotment plots and a seed swap for a group of town councils: one
Deno 2.1 app in a container (``plots``): a Hono 4 API from JSR on ``Deno.serve``, postgres.js
from npm, ``Deno.cron`` for the nightly waiting-list run and a Deno KV queue
(``kv.listenQueue``) for offer e-mails.

Hono's default error handler is ``console.error(err)``: Splunk gets the bare V8 stack as
Deno prints it (jsr.io and npm-cache URLs, ``ext:`` internals, ``Caused by`` for a cause);
the runtime's own "Exception in cron handler <name>" / "Exception in queue handler" wrap
the cron's and the queue's throws; the app's session code logs through ``@std/log``'s
default format (``ERROR <msg>``, no stack) (``fg-deno-serve``). Sentry: @sentry/deno with
its ``Deno.serve`` and cron integrations. Datadog: the agent tails the container, log
monitors paste ``error.stack``; no APM (dd-trace does not run on Deno). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
SERVICES = {
    "plots": Service("plots", "deno", "fg-deno-serve", "kube:container:plots", "/var/log/containers/plots.log", "fg_prod", 7740112, "deno 2.1.4", origin="https://plots.foxholme.example", sdk=("sentry.javascript.deno", "8.47.0", "npm:@sentry/deno")),
}


def dn(url: str, fn: str, line: int, col: int, *, lib: bool = False, awaited: bool = False) -> Frame:
    """A Deno frame: ``awaited`` prints V8's ``at async``."""
    return Frame(fn, url, line, "", not lib, "", "", col, "async" if awaited else "")


SRC = "file:///app/src/"
HONO = "https://jsr.io/@hono/hono/4.6.16/src/"
PG = "file:///deno-dir/npm/registry.npmjs.org/postgres/3.4.5/src/"
SERVE = (
    dn("ext:deno_http/00_serve.ts", "", 376, 24, lib=True, awaited=True),
    dn(HONO + "hono-base.ts", "Hono.#dispatch", 416, 30, lib=True, awaited=True),
    dn(HONO + "compose.ts", "dispatch", 44, 17, lib=True, awaited=True),
    dn(SRC + "middleware/session.ts", "", 21, 5, awaited=True),
)
# postgres.js's error from the wire: its own frames, then the awaiting app function.
PG_ERROR = (
    dn("ext:deno_node/internal/streams/readable.mjs", "addChunk", 380, 12, lib=True),
    dn(PG + "connection.js", "Socket.data", 320, 9, lib=True),
    dn(PG + "connection.js", "handle", 478, 6, lib=True),
    dn(PG + "connection.js", "ErrorResponse", 794, 26, lib=True),
)
CRON = (dn("ext:deno_cron/01_cron.ts", "", 140, 11, lib=True, awaited=True),)
QUEUE = (dn("ext:deno_kv/01_db.ts", "", 337, 11, lib=True, awaited=True),)
FETCH = (
    dn("ext:deno_fetch/26_fetch.js", "mainFetch", 182, 11, lib=True, awaited=True),
    dn("ext:deno_fetch/26_fetch.js", "fetch", 457, 9, lib=True, awaited=True),
)

S = dict(search="foxholme - plots errors", app="foxholme")
S_JOBS = dict(search="foxholme - cron and queue failures", app="foxholme")
DD = dict(team="plots", monitor="[plots] error logs", filter="service:plots status:error", style="stack", lines=7)
DD_JOBS = dict(team="plots", monitor="[plots] cron / queue handler exceptions", filter='service:plots ("Exception in cron handler" OR "Exception in queue handler")', text="Background handler failed on {{log.host}}:\n\n```\n{{log.message}}\n```", sample_lines=4)

UNDEF = "Cannot read properties of undefined (reading 'holder')"
REFUSED = "error sending request for url ({url}): client error (Connect): tcp connect error: Connection refused (os error 111)"
ZOD = '[\n  {\n    "code": "invalid_type",\n    "expected": "number",\n    "received": "string",\n    "path": [\n      "plotSizeSqm"\n    ],\n    "message": "Expected number, received string"\n  }\n]'

BUGS = [
    # Unique violations on two tables: postgres.js's frames, then the awaiting app function.
    Bug("fg-dup-tenancy", "plots", (Exc("PostgresError", 'duplicate key value violates unique constraint "tenancies_plot_id_active_key"', (*SERVE, dn(SRC + "routes/tenancies.ts", "", 48, 20, awaited=True), dn(SRC + "db/tenancies.ts", "createTenancy", 17, 3, awaited=True), *PG_ERROR)),),
        (see("sentry.error", 2), see("splunk", 3, **S), see("datadog.log", **DD)),
        classes=(4,), pair="fg-dup-member", entry="POST /api/tenancies"),
    Bug("fg-dup-member", "plots", (Exc("PostgresError", 'duplicate key value violates unique constraint "members_email_key"', (*SERVE, dn(SRC + "routes/members.ts", "", 31, 18, awaited=True), dn(SRC + "db/members.ts", "insertMember", 12, 3, awaited=True), *PG_ERROR)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S), see("datadog.log", 2, **DD)),
        classes=(4,), pair="fg-dup-tenancy", entry="POST /api/members"),
    # The same read of undefined in two routes.
    Bug("fg-plot-holder", "plots", (Exc("TypeError", UNDEF, (*SERVE, dn(SRC + "routes/plots.ts", "", 62, 27, awaited=True), dn(SRC + "views/plot_card.ts", "plotCard", 9, 32))),),
        (see("sentry.error", 4), see("splunk", 2, **S), see("datadog.log", 2, **DD)),
        classes=(4, 5), pair="fg-site-holder", entry="GET /api/plots/{id}", span=2, renames={"plotCard": "renderPlotCard"}),
    Bug("fg-site-holder", "plots", (Exc("TypeError", UNDEF, (*SERVE, dn(SRC + "routes/sites.ts", "", 27, 33, awaited=True), dn(SRC + "views/site_map.ts", "vacancyList", 41, 18))),),
        (see("sentry.error", 2), see("splunk", 2, **S), see("datadog.log", **DD)),
        classes=(4,), pair="fg-plot-holder", entry="GET /api/sites/{id}/map"),
    # One offer template, two different errors: the cron's null member, the queue's missing date.
    Bug("fg-cron-offer-null", "plots", (Exc("TypeError", "Cannot read properties of null (reading 'email')", (*CRON, dn(SRC + "jobs/waitlist.ts", "promoteWaitlist", 36, 9, awaited=True), dn(SRC + "mail/offer.ts", "offerTemplate", 14, 30))),),
        (see("sentry.error", 2), see("splunk", 3, kind="cron", **S_JOBS), see("datadog.log", 2, **DD_JOBS)),
        classes=(9,), pair="fg-queue-offer-date", entry="nightly-waitlist"),
    Bug("fg-queue-offer-date", "plots", (Exc("TypeError", "Cannot read properties of undefined (reading 'toLocaleDateString')", (*QUEUE, dn(SRC + "jobs/queue.ts", "handleMessage", 22, 7, awaited=True), dn(SRC + "mail/offer.ts", "offerTemplate", 19, 41))),),
        (see("sentry.error", 2), see("splunk", 2, kind="queue", **S_JOBS), see("datadog.log", **DD_JOBS)),
        classes=(9,), pair="fg-cron-offer-null", entry="send-offer"),
    # Two upstreams refusing connections: the frost-date service and the seed bank.
    Bug("fg-frost-refused", "plots", (Exc("TypeError", REFUSED.replace("{url}", "https://frost.metdata.example/v2/dates?postcode={zone}"), (*SERVE, dn(SRC + "routes/calendar.ts", "", 19, 22, awaited=True), dn(SRC + "clients/frost.ts", "frostDates", 8, 20, awaited=True), *FETCH)),),
        (see("sentry.error", 2), see("splunk", 3, **S), see("datadog.log", **DD)),
        classes=(4, 9), pair="fg-seedbank-refused", entry="GET /api/calendar"),
    Bug("fg-seedbank-refused", "plots", (Exc("TypeError", REFUSED.replace("{url}", "http://seedbank.internal:8080/v1/varieties?q={sku}"), (*SERVE, dn(SRC + "routes/swap.ts", "", 54, 24, awaited=True), dn(SRC + "clients/seedbank.ts", "searchVarieties", 15, 20, awaited=True), *FETCH)),),
        (see("sentry.error", 2), see("splunk", 2, **S), see("datadog.log", 2, **DD)),
        classes=(4, 9), pair="fg-frost-refused", entry="GET /api/swap/search"),
    # jose's expiry check: the app logs the message only, Sentry has the stack.
    Bug("fg-session-expired", "plots", (Exc("JWTExpired", '"exp" claim timestamp check failed', (*SERVE[:3], dn(SRC + "middleware/session.ts", "", 14, 21, awaited=True), dn("file:///deno-dir/npm/registry.npmjs.org/jose/5.9.6/dist/node/esm/lib/jwt_claims_set.js", "default", 127, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, kind="stdlog", **S)),
        log="session refresh failed for member {user}: <exc>", entry="GET /api/me"),
    # A ZodError: its message is the issues as indented JSON.
    Bug("fg-zod-plot-size", "plots", (Exc("ZodError", ZOD, (*SERVE, dn(SRC + "routes/plots.ts", "", 88, 34, awaited=True), dn("file:///deno-dir/npm/registry.npmjs.org/zod/3.24.1/lib/types.js", "ZodObject.parse", 159, 19, lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, **S), see("datadog.log", **DD)),
        entry="PATCH /api/plots/{id}"),
    # AbortSignal.timeout on the geocoder, thrown in the queue handler.
    Bug("fg-geocode-timeout", "plots", (Exc("TimeoutError", "Signal timed out.", (*QUEUE, dn(SRC + "jobs/queue.ts", "handleMessage", 31, 7, awaited=True), dn(SRC + "clients/geocode.ts", "geocodePlot", 11, 19, awaited=True), *FETCH)),),
        (see("sentry.error", 2), see("splunk", 3, kind="queue", **S_JOBS), see("datadog.log", 2, **DD_JOBS)),
        entry="geocode-plot"),
    # The mail relay refusing offer e-mails: the app's @std/log line with the address.
    Bug("fg-offer-bounce", "plots", (),
        (see("splunk", 3, search="foxholme - mail failures", app="foxholme", line="ERROR offer email to {email} rejected: 550 5.1.1 <{email}>: Recipient address rejected: User unknown"), see("datadog.log", 2, team="plots", monitor="[plots] offer e-mails rejected", filter='service:plots "offer email to"', text="Offer e-mails are bouncing: {email} rejected (550 5.1.1).")),
        classes=(7,)),
    # A singleton: a boot without --allow-env for a new variable, uncaught before Sentry starts.
    Bug("fg-boot-notcapable", "plots", (),
        (see("splunk", search="foxholme - plots errors", app="foxholme", line='error: Uncaught (in promise) NotCapable: Requires env access to "SEEDBANK_TOKEN", run again with the --allow-env flag\n    at Object.getEnv [as get] (ext:deno_os/30_os.js:124:10)\n    at file:///app/src/clients/seedbank.ts:4:25'),),
        singleton=True),
]

NOISE = [
    Noise("fg-noise-listening", "plots", "splunk", {"search": "foxholme - plots errors", "app": "foxholme", "line": "Listening on http://0.0.0.0:8000/ (http://localhost:8000/)"}),
    Noise("fg-noise-cron-ok", "plots", "datadog.log", {"monitor": "[plots] cron / queue handler exceptions", "transition": "Recovered", "alert_type": "success", "text": "No handler exceptions on plots in the last hour.", "team": "plots"}),
    Noise("fg-noise-deploy", "plots", "datadog.event", {"monitor": "plots deployed", "text": "plots 2026.3.2 rolled out (2/2 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

FOXHOLME = Company(
    key="fg",
    name="Foxholme Allotments",
    domain="foxholme.example",
    sentry_org="foxholme",
    splunk_url="https://foxholme.splunkcloud.com",
    splunk_guid="B37F0D52-9E14-4A6C-8C2B-51E6A90D7F18",
    datadog_org=("721955", "Foxholme Allotments"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="foxholme-sentry-client-secret",
)
# fmt: on
