"""(z) Loomwright, a marketplace for makers' yarn and patterns: a Clojure catalogue API on
Pedestal 0.7 and Jetty (``catalog-api``, Java 21, next.jdbc), a Deno Fresh 1.6 storefront
(``storefront``, Deno 1.46, Fresh from ``https://deno.land/x/``) and a Preact seller studio
built by esbuild (``studio``, ``/assets/chunk-<HASH>.js``).

Sentry sees all three (sentry-clj over sentry-java, which reports ``ExceptionInfo`` by its
message without the ex-data map; @sentry/deno, whose path normalisation turns the app's
``file:///app/`` URLs into ``app:///`` and which marks remote modules in-app; @sentry/browser
with source maps for the studio); PostHog's posthog-js captures the studio's errors, raw and
resolved; Splunk indexes the API's logback lines (``io.pedestal.log`` maps, ``ExceptionInfo``
printed with its ex-data, Pedestal's wrapper carrying the cause as ``#error {...}``), a stats
search over the interceptor chain's failures and Deno's stderr; Datadog posts the team's
template (``name``, ``plain`` and ``md`` messages, ``epoch_ms``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import jexc, jl, js

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "catalog-api": Service("catalog-api", "java", "pedestal-logback", "loomwright:catalog-api", "/var/log/containers/catalog-api.log", "lw_prod", 9230051, "OpenJDK 21.0.4", sdk=("sentry.java", "7.14.0", "maven:io.sentry:sentry")),
    "storefront": Service("storefront", "deno", "deno-console", "loomwright:storefront", "/var/log/containers/storefront.log", "lw_prod", 9230054, "deno 1.46.3", origin="https://loomwright.example", sdk=("sentry.javascript.deno", "8.27.0", "denoland:sentry")),
    "studio": Service("studio", "javascript", "", "", "", "", 9230057, origin="https://studio.loomwright.example", sdk=("sentry.javascript.browser", "8.27.0", "npm:@sentry/browser")),
}


def clj(ns_fn: str, line: int, method: str = "invokeStatic", *, lib: bool = False) -> Frame:
    """A compiled Clojure function: ``loomwright.orders.stock/reserve!`` is the class
    ``loomwright.orders.stock$reserve_BANG_`` in ``stock.clj``; a nested fn adds its own
    ``$fn__1485`` (names munged: ``-`` to ``_``, ``!`` to ``_BANG_``)."""
    ns, _, path = ns_fn.partition("/")

    def munge(name: str) -> str:
        return name.replace("-", "_").replace("!", "_BANG_").replace(">", "_GT_")

    cls = munge(ns) + "".join("$" + munge(part) for part in path.split("/"))
    return Frame(method, munge(ns.rsplit(".", 1)[-1]) + ".clj", line, cls, not lib)


def cljlib(ns_fn: str, line: int, method: str = "invokeStatic") -> Frame:
    return clj(ns_fn, line, method, lib=True)


# Jetty to Pedestal's interceptor chain calling an interceptor's :enter (oldest first).
PEDESTAL = (
    jl("java.lang.Thread", "run", 1583),
    jl("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run", 1149),
    jl("org.eclipse.jetty.util.thread.QueuedThreadPool", "runJob", 969),
    jl("org.eclipse.jetty.server.HttpChannel", "handle", 479),
    jl("org.eclipse.jetty.server.Server", "handle", 516),
    jl("org.eclipse.jetty.servlet.ServletHolder", "handle", 764),
    jl("io.pedestal.http.servlet.FnServlet", "service", 30),
    cljlib("io.pedestal.http.impl.servlet-interceptor/interceptor-service-fn/fn--17203", 349, "invoke"),
    cljlib("io.pedestal.interceptor.chain/execute", 379),
    cljlib("io.pedestal.interceptor.chain/enter-all", 272),
    cljlib("io.pedestal.interceptor.chain/try-f", 54),
)
WRAP = (
    cljlib("io.pedestal.interceptor.chain/throwable->ex-info", 35),
    cljlib("clojure.core/ex-info", 4807),
)
EX_INFO = (cljlib("clojure.core/ex-info", 4807), cljlib("clojure.core/ex-info", 4807, "invoke"))


def enter(ns: str, n: int, line: int) -> Frame:
    """An interceptor's anonymous ``:enter`` fn (``(fn [ctx] ...)`` in a ``def``)."""
    return clj(f"{ns}/fn--{n}", line, "invoke")


def pedestal(cause: Exc, interceptor: str) -> tuple[Exc, ...]:
    """Pedestal's ``throwable->ex-info``: ``<type> in Interceptor <name> - <message>``,
    thrown from the chain, the cause kept."""
    name = cause.text_name if cause.module else cause.type
    return (cause, jexc("clojure.lang.ExceptionInfo", f"{name} in Interceptor {interceptor} - {cause.value}", (*PEDESTAL, *WRAP)))


def wrap_data(interceptor: str, exc_type: str, extra: str = "") -> str:
    return f"{{:execution-id {{n}}, :stage :enter, :interceptor {interceptor}, :exception-type :{exc_type}, :exception #error{extra}}}"


CLJ_LOG = dict(log='{:msg "Unhandled exception in interceptor chain", :uri "{path}", :line 27}', logger="loomwright.api.errors")
PRICING = ":loomwright.api.pricing/bulk-discount"
CHAIN = "catalog-api - interceptor failures"
DD_CHAIN = dict(team="catalog", monitor="catalog-api interceptor failures", filter="service:catalog-api status:error logger_name:loomwright.api.errors", text="Unhandled exceptions in catalog-api's interceptor chain. Latest:\n\n{{log.message}}")
NUMBERS_DIV = (jl("clojure.lang.Numbers", "divide", 3911), jl("clojure.lang.Numbers", "divide", 190))

# Deno: Fresh's server handing a request to a route's handler (oldest first).
FRESH_V = "https://deno.land/x/fresh@1.6.8/src/server/"


def dn(url: str, fn: str, line: int, col: int, *, lib: bool = False, awaited: bool = False) -> Frame:
    return Frame(fn, url, line, "", not lib, "", "", col, "async" if awaited else "")


FRESH = (
    dn("ext:deno_http/00_serve.ts", "", 363, 20, lib=True, awaited=True),
    dn(FRESH_V + "boot.ts", "handler", 120, 14, lib=True, awaited=True),
    dn(FRESH_V + "router.ts", "", 188, 18, lib=True, awaited=True),
    dn(FRESH_V + "context.ts", "", 408, 22, lib=True, awaited=True),
)
APP = "file:///app/"
FETCH = (dn("ext:deno_fetch/26_fetch.js", "fetch", 392, 7, lib=True, awaited=True), dn("ext:deno_fetch/26_fetch.js", "mainFetch", 182, 11, lib=True))
API_GET = dn(APP + "lib/api.ts", "apiGet", 14, 15, awaited=True)
DD_STORE = dict(team="storefront", monitor="storefront errors", filter="service:storefront status:error", style="stack", lines=7)

# Preact's renderer in the studio's vendor chunk (minified in its own dist file).
PREACT = "node_modules/preact/dist/preact.module.js"
PREACT_RENDER = (js(PREACT, "P", 1, 7021, "vendor", lib=True), js(PREACT, "z", 1, 5188, "vendor", lib=True), js(PREACT, "j", 1, 6120, "vendor", lib=True))
PREACT_CLICK = (js(PREACT, "HTMLButtonElement.I", 1, 2810, "vendor", lib=True),)
PREACT_HOOKS = "node_modules/preact/hooks/dist/hooks.module.js"
REPORT = js("src/lib/report.ts", "reportFailure", 9, 17, "index")

BUGS = [
    # One interceptor failing two ways: a zero divisor and a nil quantity (same route).
    Bug("lw-bulk-discount-divide", "catalog-api", pedestal(jexc("java.lang.ArithmeticException", "Divide by zero", (*PEDESTAL, enter("loomwright.api.pricing", 24519, 31), clj("loomwright.pricing.discount/tier-rate", 18), *NUMBERS_DIV)), PRICING),
        (see("sentry.error", 2), see("splunk", 2, exdata=wrap_data(PRICING, "java.lang.ArithmeticException")), see("splunk", search=CHAIN, stats={"interceptor": PRICING, "exception_type": ":java.lang.ArithmeticException", "count": "{n}"}), see("datadog.log", exdata=wrap_data(PRICING, "java.lang.ArithmeticException"), **DD_CHAIN)),
        classes=(1, 2), pair="lw-bulk-discount-nil-qty", entry="POST /v1/pricing/bulk", **CLJ_LOG),
    Bug("lw-bulk-discount-nil-qty", "catalog-api", pedestal(jexc("java.lang.NullPointerException", 'Cannot invoke "Object.getClass()" because "x" is null', (*PEDESTAL, enter("loomwright.api.pricing", 24519, 29), clj("loomwright.pricing.discount/line-total", 11), jl("clojure.lang.Numbers", "multiply", 3966), jl("clojure.lang.Numbers", "ops", 1095))), PRICING),
        (see("sentry.error", 2), see("splunk", 2, exdata=wrap_data(PRICING, "java.lang.NullPointerException")), see("splunk", search=CHAIN, stats={"interceptor": PRICING, "exception_type": ":java.lang.NullPointerException", "count": "{n}"}), see("datadog.log", exdata=wrap_data(PRICING, "java.lang.NullPointerException"), **DD_CHAIN), see("datadog.apm", style="message", team="catalog", monitor="catalog-api error spans")),
        classes=(1,), pair="lw-bulk-discount-divide", entry="POST /v1/pricing/bulk", **CLJ_LOG),
    # One ex-info ("Insufficient stock") from two places: order reservation and the cart.
    Bug("lw-order-insufficient-stock", "catalog-api", pedestal(Exc("ExceptionInfo", "Insufficient stock", (*PEDESTAL, enter("loomwright.api.orders", 30211, 44), clj("loomwright.orders.stock/reserve!", 39), *EX_INFO), module="clojure.lang"), ":loomwright.api.orders/create"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, exdata=wrap_data(":loomwright.api.orders/create", "clojure.lang.ExceptionInfo", ', :sku "LW-{n}{idx}", :requested {idx}, :available 1'), causedata='{:sku "LW-{n}{idx}", :requested {idx}, :available 1}'), see("datadog.log", exdata=wrap_data(":loomwright.api.orders/create", "clojure.lang.ExceptionInfo", ', :sku "LW-{n}{idx}", :requested {idx}, :available 1'), causedata='{:sku "LW-{n}{idx}", :requested {idx}, :available 1}', **DD_CHAIN)),
        classes=(2, 4), pair="lw-cart-insufficient-stock", entry="POST /v1/orders", **CLJ_LOG),
    Bug("lw-cart-insufficient-stock", "catalog-api", pedestal(Exc("ExceptionInfo", "Insufficient stock", (*PEDESTAL, enter("loomwright.api.cart", 28740, 52), clj("loomwright.cart.lines/add-line", 58), *EX_INFO), module="clojure.lang"), ":loomwright.api.cart/add-line"),
        (see("sentry.error", 3), see("splunk", 2, exdata=wrap_data(":loomwright.api.cart/add-line", "clojure.lang.ExceptionInfo", ', :sku "LW-{n}{idx}", :requested {idx}, :available 0'), causedata='{:sku "LW-{n}{idx}", :requested {idx}, :available 0}')),
        classes=(2, 4), pair="lw-order-insufficient-stock", entry="POST /v1/cart/lines", **CLJ_LOG),
    # One ClassCastException text in the search ranking (over releases, the fn renamed) and a
    # scheduled shipping-rate refresh (chime, no Pedestal).
    Bug("lw-search-score-classcast", "catalog-api", pedestal(jexc("java.lang.ClassCastException", "class java.lang.String cannot be cast to class java.lang.Number (java.lang.String and java.lang.Number are in module java.base of loader 'bootstrap')", (*PEDESTAL, enter("loomwright.api.search", 26104, 21), clj("loomwright.catalog.search/score", 40), jl("clojure.lang.Numbers", "multiply", 3966), jl("clojure.lang.Numbers$LongOps", "multiply", 460))), ":loomwright.api.search/results"),
        (see("sentry.error", 3), see("splunk", 2, exdata=wrap_data(":loomwright.api.search/results", "java.lang.ClassCastException")), see("datadog.apm", style="message", team="catalog", monitor="catalog-api error spans")),
        classes=(4, 5), span=3, pair="lw-shipping-band-classcast", entry="GET /v1/search", **CLJ_LOG),
    Bug("lw-shipping-band-classcast", "catalog-api", (jexc("java.lang.ClassCastException", "class java.lang.String cannot be cast to class java.lang.Number (java.lang.String and java.lang.Number are in module java.base of loader 'bootstrap')", (jl("java.lang.Thread", "run", 1583), jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642), jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144), jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304), jl("java.util.concurrent.FutureTask", "run", 317), cljlib("chime.core/chime-at/schedule-loop--1482/fn--1485", 94, "invoke"), clj("loomwright.shipping.refresh/refresh-rates!", 31), clj("loomwright.shipping.rates/weight-band", 22), jl("clojure.lang.Numbers", "lt", 253), jl("clojure.lang.Numbers$LongOps", "lt", 523))),),
        (see("sentry.error", 2), see("splunk", 2, thread="chime-{idx}")),
        classes=(4,), pair="lw-search-score-classcast", log='{:msg "Shipping rate refresh failed", :carrier "royal-mail", :line 40}', logger="loomwright.shipping.refresh"),
    # Calling a moderation fn with one argument too many.
    Bug("lw-reviews-arity", "catalog-api", pedestal(Exc("ArityException", "Wrong number of args (2) passed to: loomwright.reviews.moderation/flag!", (*PEDESTAL, enter("loomwright.api.reviews", 33310, 40), jl("clojure.lang.AFn", "invoke", 36), jl("clojure.lang.AFn", "throwArity", 429)), module="clojure.lang"), ":loomwright.api.reviews/moderate"),
        (see("sentry.error", 2), see("splunk", 2, exdata=wrap_data(":loomwright.api.reviews/moderate", "clojure.lang.ArityException")), see("datadog.log", exdata=wrap_data(":loomwright.api.reviews/moderate", "clojure.lang.ArityException"), **DD_CHAIN)),
        classes=(1,), entry="POST /v1/reviews/{review_id}/moderate", **CLJ_LOG),
    # A shop slug taken twice: next.jdbc passes PostgreSQL's exception up.
    Bug("lw-shop-slug-unique", "catalog-api", pedestal(jexc("org.postgresql.util.PSQLException", 'ERROR: duplicate key value violates unique constraint "shops_slug_key"\n  Detail: Key (slug)=(wool-and-whimsy-{n}) already exists.', (*PEDESTAL, enter("loomwright.api.shops", 21877, 33), clj("loomwright.shops.db/insert-shop!", 17), cljlib("next.jdbc.sql/insert!", 62), cljlib("next.jdbc.result-set/stmt->result-set", 643), jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 517), jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725))), ":loomwright.api.shops/create"),
        (see("sentry.error", 2), see("splunk", exdata=wrap_data(":loomwright.api.shops/create", "org.postgresql.util.PSQLException")), see("datadog.apm", style="type", team="catalog", monitor="catalog-api error types")),
        classes=(6,), entry="POST /v1/shops", **CLJ_LOG),
    # One V8 message from the storefront's server (Deno) and from the studio (browser).
    Bug("lw-product-page-variants", "storefront", (Exc("TypeError", "Cannot read properties of undefined (reading 'variants')", (*FRESH, dn(APP + "routes/products/[slug].tsx", "Object.GET", 24, 33, awaited=True), dn(APP + "lib/product.ts", "defaultVariant", 9, 18))),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("splunk", 3), see("datadog.log", **DD_STORE)),
        classes=(4, 10), pair="lw-studio-variants", entry="GET /products/{slug}"),
    Bug("lw-studio-variants", "studio", (Exc("TypeError", frames=(*PREACT_RENDER, js("src/listings/VariantTable.tsx", "VariantTable", 31, 28, "listings")), js=JsError("read-undefined", "listing.options", "variants")),),
        (see("posthog", 2, browser="chrome", chunk="listings"), see("posthog", browser="firefox", chunk="listings", release=1), see("posthog", browser="safari", chunk="listings", resolved=True, release=1), see("posthog", browser="edge", chunk="listings", release=1), see("sentry.error", browser="chrome", chunk="listings"), see("sentry.error", browser="firefox", chunk="listings", release=1)),
        classes=(3, 4), pair="lw-product-page-variants", page="/listings/48211/edit"),
    # One fetch helper innermost for two failures: the API refusing connections, and an
    # HTML error page parsed as JSON.
    Bug("lw-storefront-api-refused", "storefront", (Exc("TypeError", "error sending request for url (http://catalog-api.loomwright.svc:8080/v1/products/by-slug/aran-{id}): client error (Connect): tcp connect error: Connection refused (os error 111)", (*FRESH, dn(APP + "routes/products/[slug].tsx", "Object.GET", 14, 27, awaited=True), API_GET, *FETCH)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2), see("datadog.log", **DD_STORE)),
        classes=(2, 9), pair="lw-storefront-api-html", log="catalog fetch failed", entry="GET /products/{slug}"),
    Bug("lw-storefront-api-html", "storefront", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*FRESH, dn(APP + "routes/shops/[shop].tsx", "Object.GET", 19, 25, awaited=True), dn(APP + "lib/api.ts", "apiGet", 16, 12, awaited=True), dn("ext:deno_fetch/22_body.js", "consumeBody", 261, 12, lib=True), dn("ext:deno_fetch/22_body.js", "packageData", 408, 14, lib=True), dn("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **DD_STORE)),
        classes=(9,), pair="lw-storefront-api-refused", log="catalog fetch failed", entry="GET /shops/{shop}"),
    # After a deploy dropped --allow-env from the task: checkout cannot read its key.
    Bug("lw-checkout-env-permission", "storefront", (Exc("PermissionDenied", 'Requires env access to "STRIPE_SECRET_KEY", run again with the --allow-env flag', (*FRESH, dn(APP + "routes/api/checkout.ts", "Object.POST", 11, 20, awaited=True), dn(APP + "lib/checkout.ts", "createCheckout", 8, 28), dn("ext:runtime/30_os.js", "Object.getEnv [as get]", 124, 10, lib=True))),),
        (see("sentry.error", 2, release=1), see("sentry.issue", release=1), see("splunk", 2, release=2), see("datadog.log", release=2, **DD_STORE)),
        classes=(6,), entry="POST /api/checkout"),
    # The studio's price cell calling toFixed on a string: three engines' words.
    Bug("lw-studio-price-tofixed", "studio", (Exc("TypeError", frames=(*PREACT_RENDER, js("src/listings/PriceCell.tsx", "PriceCell", 12, 41, "listings"), js("src/lib/money.ts", "formatPrice", 6, 22, "listings")), js=JsError("not-function", "row.price", "toFixed", "(2)")),),
        (see("posthog", browser="chrome", chunk="listings"), see("posthog", browser="edge", chunk="listings", release=1), see("posthog", browser="firefox", chunk="listings", release=2), see("posthog", browser="safari", chunk="listings", resolved=True, release=2), see("sentry.error", browser="safari", chunk="listings", release=2), see("sentry.error", browser="chrome", chunk="listings", raw=True, release=2)),
        classes=(3, 5), span=3, page="/listings/48211/edit"),
    # A lazy route's chunk gone after a deploy: each engine's words, the URL per release.
    Bug("lw-studio-orders-chunk", "studio", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="orders", mechanism="onunhandledrejection", release=0), see("posthog", browser="firefox", chunk="orders", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="orders", mechanism="onunhandledrejection", release=2), see("sentry.error", browser="edge", chunk="orders", mechanism="onunhandledrejection", release=1)),
        classes=(3, 5), span=3, page="/orders"),
    # The draft autosave filling localStorage: Chromium's and the others' wording.
    Bug("lw-studio-draft-quota", "studio", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'studio-draft-{id}' exceeded the quota.", (*PREACT_CLICK, js(PREACT_HOOKS, "A", 1, 1903, "vendor", lib=True), js("src/drafts/autosave.ts", "persistDraft", 23, 18, "index")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("posthog", browser="chrome"), see("posthog", browser="firefox"), see("posthog", browser="safari", resolved=True), see("sentry.error", browser="edge")),
        classes=(3,), page="/listings/new"),
    # One reporting helper innermost for two failures: a photo too large, an autosave conflict.
    Bug("lw-studio-photo-413", "studio", (Exc("Error", "Photo upload failed: 413 Payload Too Large", (*PREACT_CLICK, js("src/listings/PhotoUploader.tsx", "upload", 47, 9, "listings"), REPORT)),),
        (see("posthog", 2, browser="chrome", chunk="listings", mechanism="generic"), see("posthog", browser="safari", chunk="listings", mechanism="generic", resolved=True), see("sentry.error", browser="chrome", chunk="listings", mechanism="generic")),
        classes=(9,), handled=True, pair="lw-studio-autosave-409", page="/listings/51907/photos"),
    Bug("lw-studio-autosave-409", "studio", (Exc("Error", "Draft save failed: 409 Conflict", (js(PREACT_HOOKS, "A", 1, 1903, "vendor", lib=True), js("src/drafts/autosave.ts", "saveDraft", 38, 11, "index"), REPORT)),),
        (see("posthog", 2, browser="firefox", mechanism="generic"), see("posthog", browser="chrome", mechanism="generic", resolved=True), see("sentry.error", browser="firefox", mechanism="generic")),
        classes=(9,), handled=True, pair="lw-studio-photo-413", page="/listings/new"),
    # The API's p99 latency over its threshold: a problem naming no bug.
    Bug("lw-api-latency", "catalog-api", (),
        (see("datadog.metric", 2, monitor="catalog-api p99 latency", scope="service:catalog-api", team="catalog", metric="trace.servlet.request.duration.by.service.99p", event_type="metric_alert_monitor", status="trace.servlet.request.duration.by.service.99p over service:catalog-api was > 2.0 on average during the last 10m", text="p99 latency of catalog-api is {idx}.{n}s (threshold 2s)."),),
        classes=(8,)),
    # A Synthetic browser test of checkout failing on its last step.
    Bug("lw-synthetic-checkout", "storefront", (),
        (see("datadog.synthetics", 2, monitor="[Synthetics] Storefront checkout", event_type="synthetics_alert", scope="location:aws:eu-central-1", team="storefront", status="Synthetics test failed", text="Browser test **Storefront checkout** failed at step 6 \"Click Pay\": element `button[data-test=pay]` not found after 60s."),),
        classes=(8,)),
]

NOISE = [
    Noise("lw-noise-deploy", "storefront", "datadog.event", {"monitor": "Deployed storefront 2026.12.2", "text": "deployctl deployed storefront 2026.12.2 to production.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("lw-noise-deno-listening", "storefront", "splunk", {"search": "storefront - errors", "line": "Listening on http://0.0.0.0:8000/"}),
]

LOOMWRIGHT = Company(
    key="z",
    name="Loomwright",
    domain="loomwright.example",
    sentry_org="loomwright",
    splunk_url="https://loomwright.splunkcloud.com",
    splunk_guid="61C8E2F5-0B7D-4A93-8E14-D9A3F6C2B507",
    datadog_org=("655031", "Loomwright"),
    datadog_template="loomwright",
    posthog_project=(44102, "Loomwright studio"),
    releases=("2026.12.1", "2026.12.2", "2026.12.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="loomwright-sentry-client-secret",
)
# fmt: on
