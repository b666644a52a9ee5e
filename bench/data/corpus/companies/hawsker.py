"""(ch) Hawsker Print, an online print shop (flyers, posters, business cards): a Sinatra 4
API on Puma 6 (``print-api``, ActiveRecord 7.1 through sinatra-activerecord on Postgres),
Sidekiq 7 workers (``print-worker``: proofs with MiniMagick, printer and courier
submissions, exports to S3) and a storefront of plain ES modules bundled by esbuild
(``storefront``: ``/assets/chunk-<HASH>.js``).

Sentry: sentry-ruby's Rack middleware (Sinatra's route blocks are methods named after the
route, so a backtrace label reads ``POST /quotes``), sentry-sidekiq, @sentry/browser.
Splunk: the API's stdlib ``Logger`` (``E, [...] ERROR -- api: message (Class)`` and the whole
backtrace; the app moved to Ruby 3.4 at its third release, so labels change quotes) and
Sidekiq's default log. PostHog: posthog-js exception autocapture on the storefront.
Datadog: dd-trace-rb's Rack spans by route, Sidekiq failures by queue, a log monitor, through
a team's own template (``custom``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import AR_INSERT, SIDEKIQ_JOB, js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "print-api": Service("print-api", "ruby", "ch-ruby-logger", "hawsker:api", "/var/log/containers/print-api.log", "hawsker", 4410031, "ruby 3.3.6", framework="rack", sdk=("sentry.ruby.sinatra", "5.21.0", "gem:sentry-ruby")),
    "print-worker": Service("print-worker", "ruby", "ch-sidekiq", "hawsker:sidekiq", "/var/log/containers/print-worker.log", "hawsker", 4410032, "ruby 3.3.6", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.21.0", "gem:sentry-sidekiq")),
    "storefront": Service("storefront", "javascript", "", "", "", "", 4410035, origin="https://www.hawskerprint.example", framework="onerror", sdk=("sentry.javascript.browser", "8.41.0", "npm:@sentry/browser")),
}

SINATRA = "sinatra-4.0.0/lib/sinatra/base.rb"
REQUEST = (
    rb("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.4.3/lib/puma/request.rb", "handle_request", 99, lib=True),
    rb("sentry-ruby-5.21.0/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb(SINATRA, "call!", 1002, lib=True),
    rb(SINATRA, "dispatch!", 1207, lib=True),
    rb(SINATRA, "block in dispatch!", 1207, lib=True),
    rb(SINATRA, "invoke", 1185, lib=True),
    rb(SINATRA, "route!", 1059, lib=True),
    rb(SINATRA, "route_eval", 1075, lib=True),
    rb(SINATRA, "block in compile!", 1816, lib=True),
)


def route(name: str, line: int) -> tuple[Frame, ...]:
    """Sinatra defines each route block as a method named ``VERB /path``."""
    return (*REQUEST, rb("app/api.rb", name, line))


def job(cls: str, file: str, line: int) -> tuple[Frame, ...]:
    return (*SIDEKIQ_JOB, rb(f"app/jobs/{file}", "perform", line))


PARTNER_POST = (
    rb("lib/hawsker/partner_client.rb", "post!", 24),
    rb("net-http-0.4.1/lib/net/http.rb", "request", 2354, lib=True),
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True),
)
STOREFRONT = "https://www.hawskerprint.example"
NOMETHOD = "undefined method `paper_stock' for nil"


def unique(index: str, key: str, cols: str) -> tuple[Exc, ...]:
    text = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key ({cols})=({key}) already exists.\n'
    return (Exc("UniqueViolation", text, module="PG"), Exc("RecordNotUnique", "PG::UniqueViolation: " + text, module="ActiveRecord"))


TEAM = "print-shop"
API_SEARCH = {"search": "hawsker api errors"}
WORKER_SEARCH = {"search": "hawsker sidekiq failures"}


def apm_route(entry: str) -> dict[str, str]:
    return {"style": "route", "monitor": f"{entry} error rate", "team": TEAM}


def queue(name: str) -> dict[str, str]:
    return {"queue": name, "monitor": "Sidekiq failures by queue", "team": TEAM}


LOGS = {"monitor": "print-api error logs", "team": TEAM, "filter": "service:print-api status:error", "text": "print-api logged:\n{{log.message}}", "sample_lines": 3}

BUGS = [
    # A quote and a proof reading the paper stock of a product that has none.
    Bug("ch-quote-nil-stock", "print-api", (Exc("NoMethodError", NOMETHOD, (*route("POST /quotes", 41), rb("lib/hawsker/pricing/quote.rb", "total", 18), rb("lib/hawsker/pricing/quote.rb", "stock_rate", 52))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **apm_route("POST /quotes"))),
        classes=(4,), pair="ch-proof-nil-stock", entry="POST /quotes", span=2),
    Bug("ch-proof-nil-stock", "print-worker", (Exc("NoMethodError", NOMETHOD, (*job("ProofJob", "proof_job.rb", 12), rb("lib/hawsker/proofs/spec.rb", "render_spec", 33))),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH), see("datadog.queue", **queue("proofs"))),
        classes=(4,), pair="ch-quote-nil-stock", entry="ProofJob", span=2),
    # Unique indexes of two tables: a cart checked out twice, a proof version saved twice.
    Bug("ch-order-unique", "print-api", (*unique("index_orders_on_cart_token", "{hex}", "cart_token")[:1], Exc("RecordNotUnique", unique("index_orders_on_cart_token", "{hex}", "cart_token")[1].value, (*route("POST /checkout", 88), rb("lib/hawsker/checkout.rb", "place!", 27), *AR_INSERT), module="ActiveRecord")),
        (see("sentry.error", 3), see("splunk", **API_SEARCH), see("splunk", half=True, **API_SEARCH), see("datadog.apm", **apm_route("POST /checkout"))),
        classes=(4,), pair="ch-proof-unique", entry="POST /checkout"),
    Bug("ch-proof-unique", "print-worker", (*unique("index_proofs_on_order_id_and_version", "{order}, {idx}", "order_id, version")[:1], Exc("RecordNotUnique", unique("index_proofs_on_order_id_and_version", "{order}, {idx}", "order_id, version")[1].value, (*job("ProofJob", "proof_job.rb", 19), rb("lib/hawsker/proofs/store.rb", "save_version", 14), *AR_INSERT), module="ActiveRecord")),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER_SEARCH), see("datadog.queue", **queue("proofs"))),
        classes=(4,), pair="ch-order-unique", entry="ProofJob"),
    # One pricing method: a zero quantity (integer division) and a zero-area sheet (Infinity).
    Bug("ch-unit-price-zero", "print-api", (Exc("ZeroDivisionError", "divided by 0", (*route("POST /quotes", 41), rb("lib/hawsker/pricing/quote.rb", "total", 21), rb("lib/hawsker/pricing/quote.rb", "per_unit", 37), rb("lib/hawsker/pricing/quote.rb", "/", 37))),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **LOGS)),
        classes=(4,), pair="ch-unit-price-infinity", entry="POST /quotes"),
    Bug("ch-unit-price-infinity", "print-api", (Exc("FloatDomainError", "Infinity", (*route("POST /quotes", 41), rb("lib/hawsker/pricing/quote.rb", "total", 21), rb("lib/hawsker/pricing/quote.rb", "per_unit", 39), rb("lib/hawsker/pricing/quote.rb", "round", 39))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH), see("splunk", release=2, **API_SEARCH)),
        classes=(4, 5), pair="ch-unit-price-zero", entry="POST /quotes", span=3),
    # Two partners timing out through one client: the print partner and the courier.
    Bug("ch-printer-timeout", "print-worker", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*job("SubmitToPrinterJob", "submit_to_printer_job.rb", 15), rb("lib/hawsker/printers/inkhaus.rb", "submit", 31), *PARTNER_POST), module="Net"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH), see("datadog.queue", **queue("partners"))),
        classes=(9,), pair="ch-courier-timeout", entry="SubmitToPrinterJob"),
    Bug("ch-courier-timeout", "print-worker", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*job("BookCourierJob", "book_courier_job.rb", 11), rb("lib/hawsker/couriers/dpx.rb", "book", 44), *PARTNER_POST), module="Net"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **WORKER_SEARCH), see("datadog.queue", **queue("partners"))),
        classes=(9,), pair="ch-printer-timeout", entry="BookCourierJob", span=2),
    # The storefront reading an undefined artwork box in two modules: three engines' words.
    Bug("ch-js-preview-width", "storefront", (Exc("TypeError", frames=(js("src/upload.js", "onFileLoaded", 61, 7, "app"), js("src/preview.js", "fitArtwork", 22, 31, "app")), js=JsError("read-undefined", "artwork.bounds", "width")),),
        (see("sentry.error", 2, browser="chrome", chunk="app", raw=True, release=0), see("sentry.error", browser="firefox", chunk="app", release=1), see("posthog", browser="safari", chunk="app"), see("posthog", browser="chrome", chunk="app", release=1, resolved=True)),
        classes=(3, 4), pair="ch-js-crop-width", page="/design/upload", span=2),
    Bug("ch-js-crop-width", "storefront", (Exc("TypeError", frames=(js("src/crop.js", "onPointerMove", 74, 5, "app"), js("src/crop.js", "clampToBleed", 103, 28, "app")), js=JsError("read-undefined", "artwork.bounds", "width")),),
        (see("sentry.error", 2, browser="edge", chunk="app"), see("sentry.error", browser="safari", chunk="app"), see("posthog", 2, browser="chrome", chunk="app")),
        classes=(3, 4), pair="ch-js-preview-width", page="/design/crop"),
    # A lazily loaded template gallery gone after a deploy.
    Bug("ch-js-gallery-chunk", "storefront", (Exc("TypeError", f"Failed to fetch dynamically imported module: {STOREFRONT}/assets/gallery-{{hex}}.js", (js("src/router.js", "openGallery", 33, 12, "app"),), engines={"spidermonkey": f"error loading dynamically imported module: {STOREFRONT}/assets/gallery-{{hex}}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="app", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="app", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="app", release=1)),
        classes=(3,), page="/templates"),
    # A storage provider's upload-complete callback with an empty body.
    Bug("ch-upload-json", "print-api", (Exc("ParserError", "unexpected token at ''", (*route("POST /uploads/complete", 117), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True)), module="JSON"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **LOGS)),
        entry="POST /uploads/complete"),
    # MiniMagick failing on PDFs with no pages after a bad upload.
    Bug("ch-proof-minimagick", "print-worker", (Exc("Error", "`magick convert -density 300 /tmp/mini_magick20260{n}-1-{hex}.pdf[0] -flatten /tmp/mini_magick20260{n}-1-{hex}.png` failed with status: 1 and error:\nconvert: no images defined `/tmp/mini_magick20260{n}-1-{hex}.png' @ error/convert.c/ConvertImageCommand/3362.", (*job("ProofJob", "proof_job.rb", 15), rb("lib/hawsker/proofs/rasterize.rb", "call", 19), rb("mini_magick-4.13.2/lib/mini_magick/shell.rb", "run", 17, lib=True)), module="MiniMagick"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH), see("datadog.queue", **queue("proofs"))),
        entry="ProofJob"),
    # Confirming a PaymentIntent that belongs to the test account after a key rotation.
    Bug("ch-stripe-no-intent", "print-api", (Exc("InvalidRequestError", "No such payment_intent: '{pi}'", (*route("POST /checkout/confirm", 131), rb("lib/hawsker/checkout.rb", "confirm!", 58), rb("stripe-13.2.0/lib/stripe/api_requestor.rb", "handle_error_response", 748, lib=True)), module="Stripe"),),
        (see("sentry.error", 2), see("sentry.alert", rule="print-api: new issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **apm_route("POST /checkout/confirm"))),
        entry="POST /checkout/confirm"),
    # The nightly export job losing write access to the bucket.
    Bug("ch-export-access-denied", "print-worker", (Exc("AccessDenied", "Access Denied", (*job("NightlyExportJob", "nightly_export_job.rb", 9), rb("lib/hawsker/exports/uploader.rb", "put", 22), rb("aws-sdk-core-3.211.0/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17, lib=True)), module="Aws::S3::Errors"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.queue", **queue("exports"))),
        entry="NightlyExportJob"),
    # Proof PDFs rendered in the request for big posters: Rack::Timeout.
    Bug("ch-proof-pdf-timeout", "print-api", (Exc("RequestTimeoutException", "Request waited {idx}ms, then ran for longer than 15000ms ", (*route("GET /orders/:id/proof.pdf", 152), rb("lib/hawsker/proofs/pdf.rb", "render", 40), rb("prawn-2.5.0/lib/prawn/document.rb", "render", 371, lib=True)), module="Rack::Timeout"),),
        (see("sentry.error", 2), see("splunk", **API_SEARCH), see("splunk", half=True, **API_SEARCH), see("datadog.apm", **apm_route("GET /orders/{id}/proof.pdf"))),
        entry="GET /orders/{id}/proof.pdf"),
    # Upload warnings: one template, sizes, durations, hosts with and without a port.
    Bug("ch-upload-slow", "print-api", (),
        (see("splunk", 3, search="hawsker slow uploads", line="W, [{tsnaive} #1]  WARN -- api: slow upload {size} in {dur} from {objstore}"), see("datadog.log", monitor="Slow artwork uploads", team=TEAM, filter='service:print-api "slow upload"', text="Slow artwork upload: {size} in {dur} ({objstore})")),
        classes=(7,)),
    # Seen once: a recursive imposition layout.
    Bug("ch-impose-recursion", "print-worker", (Exc("SystemStackError", "stack level too deep", (*job("ImposeJob", "impose_job.rb", 8), rb("lib/hawsker/imposition/layout.rb", "fit", 27), rb("lib/hawsker/imposition/layout.rb", "fit", 31), rb("lib/hawsker/imposition/layout.rb", "fit", 31))),),
        (see("sentry.error"),),
        singleton=True, entry="ImposeJob"),
]

NOISE = [
    Noise("ch-noise-puma", "print-api", "splunk", {"search": "hawsker api errors", "line": "Puma starting in single mode...\n* Puma version: 6.4.3 (ruby 3.3.6-p108) (\"The Eagle of Durango\")\n*  Min threads: 5\n*  Max threads: 5\n*  Environment: production\n*          PID: 1\n* Listening on http://0.0.0.0:9292\nUse Ctrl-C to stop"}),
    Noise("ch-noise-deploy", "print-api", "datadog.event", {"monitor": "Deployed print-api", "text": "Kamal deployed print-api 2026.11.2 to 2 hosts.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("ch-noise-sidekiq-boot", "print-worker", "splunk", {"search": "hawsker sidekiq failures", "line": "{tsms} pid=1 tid=2ab INFO: Booting Sidekiq 7.3.5 with Sidekiq::RedisClientAdapter options {:url=>\"redis://redis.hawsker.internal:6379/0\"}"}),
]

HAWSKER = Company(
    key="ch",
    name="Hawsker Print",
    domain="hawskerprint.example",
    sentry_org="hawsker",
    splunk_url="https://splunk.hawsker.example:8000",
    splunk_guid="A4F0B7C2-1E6D-4C3B-8A59-3D2E1F0C9B87",
    datadog_org=("552907", "Hawsker Print"),
    datadog_template="custom",
    posthog_project=(48211, "Hawsker storefront"),
    releases=("2026.10.4", "2026.11.0", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hawsker-sentry-client-secret",
)
