"""(mu) Sockbridge Print, custom-printed socks and tote bags: ``studio-app``, a Svelte 5 SPA
built by Vite 5 (the entry ``assets/index-<hash>.js`` carrying Svelte's runtime, lazy routes
``assets/Editor-<hash>.js`` and ``assets/Checkout-<hash>.js``) with @sentry/svelte and
posthog-js's exception autocapture (Chrome, Edge, Firefox, Safari wordings); its small backend,
``print-api`` (Fastify 4 on Node 20, TypeScript compiled to ``dist/``, node-postgres) and
``render-worker`` (a Node 20 loop rendering print proofs with Puppeteer and uploading them to
S3), in Docker on one VM.

Logs: pino JSON (Fastify's error handler: ``req``, ``res``, ``err`` and the error's message;
the worker's own ``render job failed`` records), sent by Docker's ``splunk`` logging driver to
HEC (``splunk-format=json`` on the API, the ``line`` an object; the worker's container still on
the default ``inline``, the ``line`` a string): one saved search over both. The Datadog Agent
reads the same containers (one log monitor over both pasting ``msg`` and ``err``). Sentry:
@sentry/svelte, @sentry/node. PostHog: posthog-js. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK_SV = ("sentry.javascript.svelte", "8.33.1", "npm:@sentry/svelte")
SDK_NODE = ("sentry.javascript.node", "8.33.1", "npm:@sentry/node")
ORIGIN = "https://studio.sockbridgeprint.example"
SERVICES = {
    "studio-app": Service("studio-app", "javascript", "", "", "", "", 11180031, origin=ORIGIN, framework="onerror", sdk=SDK_SV),
    "print-api": Service("print-api", "node", "mu-docker", "docker:pino", "docker:print-api", "sockbridge", 11180032, "node v20.17.0", framework="fastify", sdk=SDK_NODE),
    "render-worker": Service("render-worker", "node", "mu-docker", "docker:pino", "docker:render-worker", "sockbridge", 11180033, "node v20.17.0", framework="node", sdk=SDK_NODE),
}

FASTIFY = (
    nd("node_modules/fastify/lib/route.js", "runPreParsing", 611, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "preHandlerCallback", 137, 37, lib=True),
    nd("node_modules/fastify/lib/wrapThenable.js", "wrapThenable", 26, 22, lib=True),
)
PG = (
    NODE_TICKS,
    nd("node_modules/pg/lib/client.js", "", 526, 17, lib=True, awaited=True),
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
)
WORKER = (
    nd("src/worker.ts", "main", 22, 7, awaited=True),
    nd("src/jobs/renderProof.ts", "renderProof", 31, 5, awaited=True),
)


def route(file: str, fn: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*FASTIFY, nd(f"src/routes/{file}.ts", fn, line, col, awaited=True), *more)


def pg_unique(table: str, constraint: str, detail: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("DatabaseError", f'duplicate key value violates unique constraint "{constraint}"', (*frames, nd(f"src/db/{table}.ts", f"insert{table.title()}", 19, 20, awaited=True), *PG))


def partner_timeout(host: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    undici = nd("node_modules/undici/lib/web/fetch/index.js", "fetch", 112, 11, lib=True)
    cause = Exc("ConnectTimeoutError", f"Connect Timeout Error (attempted address: {host}:443, timeout: 10000ms)", (nd("node:internal/deps/undici/undici", "onConnectTimeout", 7835, 28, lib=True), nd("node:internal/deps/undici/undici", "Immediate._onImmediate", 7790, 13, lib=True)))
    return cause, Exc("TypeError", "fetch failed", (*frames, nd("src/lib/partners.ts", "partnerFetch", 21, 19, awaited=True), undici))


SV = "node_modules/svelte/src/internal/client/"
CLICK = (js(SV + "dom/elements/events.js", "HTMLButtonElement.handle_event_propagation", 316, 20, "index", lib=True),)
EFFECT = (
    js(SV + "runtime.js", "flush_queued_effects", 705, 5, "index", lib=True),
    js(SV + "runtime.js", "update_effect", 553, 15, "index", lib=True),
)
LAYERS = JsError("read-undefined", "design.artboard", "layers")

SEARCH = dict(search="sockbridge - print errors (docker)", owner="sb_admin", app="search")
DD = dict(format="mu-dd", monitor="[print] error logs", team="print", filter="source:nodejs env:prod status:error",
          text="**{{log.service}}**: {{log.attributes.msg}}\n\n`{{log.attributes.err.type}}`: {{log.attributes.err.message}}")
APM = dict(style="route", monitor="print-api error rate by route", team="print")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**SEARCH, **opts})


def ddl(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**DD, **opts})


def ph(browser: str, chunk: str, n: int = 1) -> Seen:
    return see("posthog", n, browser=browser, chunk=chunk)


BUGS = [
    # The same undefined artboard in the editor canvas and the order preview.
    Bug("mu-canvas-layers", "studio-app", (Exc("TypeError", frames=(*EFFECT, js("src/lib/editor/Canvas.svelte", "Canvas", 48, 27, "Editor")), js=LAYERS),),
        (see("sentry.error", 2), see("sentry.error", browser="safari"), ph("chrome", "Editor", 2), ph("firefox", "Editor")),
        classes=(4, 10), pair="mu-preview-layers", page="/editor"),
    Bug("mu-preview-layers", "studio-app", (Exc("TypeError", frames=(*CLICK, js("src/routes/Checkout.svelte", "confirm", 66, 18, "Checkout"), js("src/lib/preview.ts", "thumbnailFor", 12, 31, "Checkout")), js=LAYERS),),
        (see("sentry.error", 2, browser="edge"), see("sentry.error", browser="firefox"), ph("chrome", "Checkout"), ph("safari", "Checkout")),
        classes=(4, 10), pair="mu-canvas-layers", page="/checkout"),
    # A lazy route's chunk gone after a deploy.
    Bug("mu-editor-chunk", "studio-app", (Exc("TypeError", "Failed to fetch dynamically imported module: https://studio.sockbridgeprint.example/assets/Editor-{hex}.js", (js("src/router.ts", "loadRoute", 21, 14, "index"),), engines={"spidermonkey": "error loading dynamically imported module: https://studio.sockbridgeprint.example/assets/Editor-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2), see("sentry.error", browser="safari"), ph("firefox", "index"), ph("safari", "index")),
        classes=(3,), page="/editor"),
    # Svelte 5's production error for an effect loop (the message is the doc URL).
    Bug("mu-effect-depth", "studio-app", (Exc("Error", "https://svelte.dev/e/effect_update_depth_exceeded", (*EFFECT, js(SV + "errors.js", "effect_update_depth_exceeded", 118, 17, "index", lib=True))),),
        (see("sentry.error", 3), ph("chrome", "index"), ph("edge", "index")),
        classes=(10,), page="/editor"),
    # localStorage full while autosaving a large design.
    Bug("mu-autosave-quota", "studio-app", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'sb-draft-{id}' exceeded the quota.", (*EFFECT, js("src/lib/editor/autosave.ts", "saveDraft", 27, 22, "Editor")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", 2), see("sentry.error", browser="firefox"), ph("safari", "Editor"), ph("chrome", "Editor")),
        classes=(3, 10), page="/editor"),
    # One pricing helper reading a null variant from two routes.
    Bug("mu-quote-price-null", "print-api", (Exc("TypeError", "Cannot read properties of null (reading 'unitPrice')", route("quotes", "createQuote", 28, 23, nd("src/services/pricing.ts", "lineTotal", 14, 34))),),
        (see("sentry.error", 3), spl(2), ddl(), see("datadog.apm", **APM)),
        classes=(1, 9), pair="mu-order-price-null", entry="POST /api/quotes"),
    Bug("mu-order-price-null", "print-api", (Exc("TypeError", "Cannot read properties of null (reading 'unitPrice')", route("orders", "placeOrder", 45, 19, nd("src/services/orders.ts", "buildOrder", 37, 25), nd("src/services/pricing.ts", "lineTotal", 14, 34))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), ddl(2), see("posthog", 1)),
        classes=(1, 5, 9), pair="mu-quote-price-null", entry="POST /api/orders", span=3),
    # Unique violations on two tables.
    Bug("mu-order-ref-unique", "print-api", (pg_unique("orders", "orders_reference_key", "Key (reference)=(SB-{id}) already exists.", route("orders", "placeOrder", 52, 21)),),
        (see("sentry.error", 2), spl(2), ddl(), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mu-customer-email-unique", entry="POST /api/orders"),
    Bug("mu-customer-email-unique", "print-api", (pg_unique("customers", "customers_email_key", "Key (email)=({email}) already exists.", route("account", "register", 17, 20)),),
        (see("sentry.error", 3), spl(), ddl(2), see("posthog", 1)),
        classes=(1, 4), pair="mu-order-ref-unique", entry="POST /api/account"),
    # The worker's one log message over two failures: Puppeteer's timeout and S3 refusing.
    Bug("mu-render-timeout", "render-worker", (Exc("TimeoutError", "Navigation timeout of 30000 ms exceeded", (*WORKER, nd("src/render/proof.ts", "renderPage", 44, 16, awaited=True), nd("node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/Frame.js", "CdpFrame.goto", 173, 19, lib=True, awaited=True), nd("node_modules/puppeteer-core/lib/cjs/puppeteer/common/util.js", "", 354, 19, lib=True))),),
        (see("sentry.error", 2), spl(2), ddl(2)),
        log="render job failed", classes=(1, 2), pair="mu-render-s3-denied", entry="render-proof"),
    Bug("mu-render-s3-denied", "render-worker", (Exc("AccessDenied", "Access Denied", (*WORKER, nd("src/render/upload.ts", "uploadProof", 19, 11, awaited=True), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True), nd("node_modules/@aws-sdk/client-s3/dist-cjs/index.js", "de_CommandError", 4791, 9, lib=True))),),
        (see("sentry.error", 3), spl(2), ddl()),
        log="render job failed", classes=(1, 2), pair="mu-render-timeout", entry="render-proof"),
    # One partner helper timing out on two print partners (undici's fetch, its cause).
    Bug("mu-partner-dtg-timeout", "print-api", partner_timeout("api.dtgprint.example", route("fulfilment", "sendToPrinter", 26, 17)),
        (see("sentry.error", 2), spl(2), ddl(), see("datadog.apm", **APM)),
        classes=(1, 9), pair="mu-partner-embroidery-timeout", entry="POST /api/orders/{id}/fulfil"),
    Bug("mu-partner-embroidery-timeout", "render-worker", partner_timeout("orders.stitchworks.example", (*WORKER[:1], nd("src/jobs/sendEmbroidery.ts", "sendEmbroidery", 18, 9, awaited=True))),
        (see("sentry.error", 3), spl(2), ddl(2)),
        log="embroidery hand-off failed", classes=(1, 9), pair="mu-partner-dtg-timeout", entry="send-embroidery"),
    # A singleton: Stripe refusing an idempotency key reused with other parameters.
    Bug("mu-stripe-idempotency", "print-api", (Exc("StripeIdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", route("checkout", "createPaymentIntent", 33, 27, nd("node_modules/stripe/cjs/RequestSender.js", "", 91, 27, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/checkout"),
]

NOISE = [
    Noise("mu-noise-listening", "print-api", "splunk", {**SEARCH, "line": '{"line":{"level":30,"time":1772600000000,"pid":1,"hostname":"{hex}","msg":"Server listening at http://0.0.0.0:3000"},"source":"stdout","tag":"{hex}"}'}),
    Noise("mu-noise-worker-idle", "render-worker", "splunk", {**SEARCH, "line": '{"line":"{\\"level\\":40,\\"time\\":1772700000000,\\"pid\\":1,\\"hostname\\":\\"{hex}\\",\\"msg\\":\\"render queue empty for 30 minutes\\"}","source":"stdout","tag":"{hex}"}'}),
    Noise("mu-noise-synthetics", "studio-app", "datadog.log", {"monitor": "[studio] checkout browser test", "transition": "Recovered", "alert_type": "success", "team": "print", "filter": "source:synthetics", "text": "Browser test 'Design and check out' passed in all 3 locations."}),
    Noise("mu-noise-deploy", "print-api", "datadog.event", {"monitor": "Deployed print-api 2026.03.09", "text": "docker compose pulled print-api:2026.03.09 and restarted 2 containers.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "print"}),
]

SOCKBRIDGE = Company(
    key="mu",
    name="Sockbridge Print",
    domain="sockbridgeprint.example",
    sentry_org="sockbridge-print",
    splunk_url="https://sockbridge.splunkcloud.example",
    splunk_guid="C7E20B95-1D4A-4F63-8B7E-5A09D3F1E28C",
    datadog_org=("1118003", "Sockbridge Print"),
    datadog_template="recommended",
    posthog_project=(91183, "Sockbridge studio"),
    releases=("2026.03.02", "2026.03.05", "2026.03.09"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sockbridge-sentry-client-secret",
)
# fmt: on
