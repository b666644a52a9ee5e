"""(bz) Sallowfen Ferries, island car-ferry bookings: Rust services on tokio. ``booking-api``
(axum 0.7 behind tower-http, sqlx over PostgreSQL, reqwest to the Met service and Stripe),
``manifest-worker`` (a lapin consumer on RabbitMQ: passenger manifests for the coastguard, the
tide tables), ``checkin-gate`` (axum at the port gates: boarding-pass QR codes signed as JWTs).
The release profile keeps ``overflow-checks = true``, so arithmetic overflow panics.

Sentry: sentry 0.35 with ``sentry-tower`` and ``sentry-anyhow`` (``capture_anyhow``: each
error in the chain by its Debug type name, no mechanism) and the panic integration. Splunk:
``booking-api`` writes tracing-subscriber's default ``fmt`` text, the other two its flattened
JSON (the event's fields at the top level); panics reach stderr through Rust's default hook.
Datadog: the plugin's recommended template, log monitors only (no APM agent on Rust). No
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from .gannet import ANYHOW_CONTEXT, AXUM, TOKIO, UNWRAP, UNWRAP_PANIC, dep, rs, std

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.rust", "0.35.0", "cargo:sentry")
SERVICES = {
    "booking-api": Service("booking-api", "rust", "bz-fmt-text", "sallowfen:booking:fmt", "/var/log/containers/booking-api.log", "sf_prod", 7250011, "rustc 1.82.0", framework="generic", sdk=SDK),
    "manifest-worker": Service("manifest-worker", "rust", "bz-json-flat", "sallowfen:worker:json", "/var/log/containers/manifest-worker.log", "sf_prod", 7250014, "rustc 1.82.0", framework="generic", sdk=SDK),
    "checkin-gate": Service("checkin-gate", "rust", "bz-json-flat", "sallowfen:gate:json", "/var/log/containers/checkin-gate.log", "sf_prod", 7250017, "rustc 1.82.0", framework="generic", sdk=SDK),
}


def api(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"booking_api::{function}", f"crates/booking-api/src/{file}", line, col)


def wk(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"manifest_worker::{function}", f"crates/manifest-worker/src/{file}", line, col)


def gate(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"checkin_gate::{function}", f"crates/checkin-gate/src/{file}", line, col)


# The worker's consume loop: one delivery handed to its job function.
CONSUME = (
    *TOKIO,
    wk("consumer::run::{{closure}}", "consumer.rs", 48, 41),
    wk("consumer::dispatch::{{closure}}", "consumer.rs", 93, 18),
)
# Both the API and the worker fetch partners' JSON through one workspace helper.
FETCH_JSON = rs("sallowfen_http::fetch_json::{{closure}}", "crates/sallowfen-http/src/lib.rs", 44, 14)
REQWEST_SEND = dep("<reqwest::async_impl::client::Pending as core::future::future::Future>::poll", "reqwest-0.12.8/src/async_impl/client.rs", 2651, 21)
SUB_OVERFLOW = (
    std("core::panicking::panic_const::panic_const_sub_overflow", "core/src/panicking.rs", 181, 21),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)
DIV_ZERO = (
    std("core::panicking::panic_const::panic_const_div_by_zero", "core/src/panicking.rs", 181, 21),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)
SQLX_FETCH = dep("sqlx_core::pool::inner::PoolInner<DB>::acquire::{{closure}}", "sqlx-core-0.8.2/src/pool/inner.rs", 273, 17)
MISSING_IMO = "missing field `imo_number` at line 1 column {n}"
API_LOG = {"log": "request failed", "logger": "booking_api::error"}
WORKER_LOG = {"log": "job failed, message nacked", "logger": "manifest_worker::consumer"}
GATE_LOG = {"log": "boarding pass rejected", "logger": "checkin_gate::scan"}
API_SEARCH = {"search": "booking-api errors"}
WORKER_SEARCH = {"search": "manifest-worker errors"}
PANICS = {"search": "sallowfen panics (stderr)", "format": "rust-panic", "sourcetype": "sallowfen:stderr", "source": "/var/log/containers/stderr.log"}
# One log monitor over the whole worker: it pastes whichever error fired it.
WORKER_MONITOR = {"monitor": "manifest-worker error logs", "team": "voyages", "filter": "service:manifest-worker status:error", "text": "manifest-worker logged errors.\n\n{{log.attributes.message}}\n\nerror: {{log.attributes.error}}"}
API_MONITOR = {"monitor": "booking-api error logs", "team": "bookings", "filter": "service:booking-api status:error", "style": "sample"}
PANIC_MONITOR = {"monitor": "Rust panics", "team": "platform", "filter": "source:stderr \"panicked at\"", "text": "A service panicked:\n\n```\n{{log.message}}\n```", "sample_lines": 3}


def sqlx_unique(constraint: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Database", f'error returned from database: duplicate key value violates unique constraint "{constraint}"'),
        Exc("Error", context, (*AXUM, *app, *ANYHOW_CONTEXT)),
    )


def reqwest_timeout(url: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("TimedOut", "operation timed out"),
        Exc("Error", f"error sending request for url ({url})", module="reqwest"),
        Exc("Error", context, (*app, FETCH_JSON, *ANYHOW_CONTEXT)),
    )


BUGS = [
    # `.unwrap()` on a missing berth rate: the API's quote and the worker's manifest line.
    Bug("bz-berth-unwrap-quote", "booking-api", (Exc("panic", UNWRAP, (*AXUM, api("routes::quotes::create::{{closure}}", "routes/quotes.rs", 38, 52), api("pricing::berth_rate", "pricing.rs", 71, 44), *UNWRAP_PANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PANICS), see("datadog.log", **PANIC_MONITOR, format="rust-panic")),
        classes=(4,), pair="bz-berth-unwrap-manifest", entry="POST /v1/quotes", span=2),
    Bug("bz-berth-unwrap-manifest", "manifest-worker", (Exc("panic", UNWRAP, (*CONSUME, wk("manifest::publish::{{closure}}", "manifest.rs", 55, 30), wk("manifest::berth_line", "manifest.rs", 122, 61), *UNWRAP_PANIC)),),
        (see("sentry.error", 2), see("sentry.alert", rule="manifest-worker: any panic"), see("splunk", 2, **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR, format="rust-panic")),
        classes=(4,), pair="bz-berth-unwrap-quote", entry="manifest.publish"),
    # One unique violation per table: a double-sold foot-passenger seat, a vehicle booked twice.
    Bug("bz-seat-unique", "booking-api", sqlx_unique("bookings_sailing_id_seat_no_key", "inserting booking", (api("routes::bookings::create::{{closure}}", "routes/bookings.rs", 64, 10), api("store::bookings::insert::{{closure}}", "store/bookings.rs", 29, 14), SQLX_FETCH)),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4,), pair="bz-vehicle-unique", entry="POST /v1/bookings"),
    Bug("bz-vehicle-unique", "booking-api", sqlx_unique("vehicle_bookings_sailing_id_registration_key", "inserting vehicle booking", (api("routes::vehicles::add::{{closure}}", "routes/vehicles.rs", 41, 10), api("store::vehicles::insert::{{closure}}", "store/vehicles.rs", 33, 14), SQLX_FETCH)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH, err="debug")),
        **API_LOG, classes=(4,), pair="bz-seat-unique", entry="POST /v1/bookings/{booking_id}/vehicles"),
    # Two partners timing out behind one HTTP helper: the tide tables (worker), the Met forecast (API).
    Bug("bz-tides-timeout", "manifest-worker", reqwest_timeout("https://tides.portauthority.example/v2/stations/0452/predictions", "syncing tide predictions", (*CONSUME, wk("tides::sync::{{closure}}", "tides.rs", 27, 45))),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH, fields={"station": "0452"}), see("datadog.log", 2, **WORKER_MONITOR)),
        **WORKER_LOG, classes=(9,), pair="bz-forecast-timeout", entry="tides.sync"),
    Bug("bz-forecast-timeout", "booking-api", reqwest_timeout("https://api.metservice.example/v1/marine/forecast?lat=57.48&lon=-6.19", "fetching sailing forecast", (*AXUM, api("routes::sailings::forecast::{{closure}}", "routes/sailings.rs", 88, 14), api("weather::marine_forecast::{{closure}}", "weather.rs", 19, 9))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(9,), pair="bz-tides-timeout", entry="GET /v1/sailings/{sailing_id}/forecast", span=2),
    # One function, two panics: a sailing with more lanes booked than it has, and one with none configured.
    Bug("bz-lanes-overflow", "booking-api", (Exc("panic", "attempt to subtract with overflow", (*AXUM, api("routes::sailings::availability::{{closure}}", "routes/sailings.rs", 51, 31), api("capacity::remaining_lanes", "capacity.rs", 24, 9), *SUB_OVERFLOW)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PANICS)),
        classes=(4,), pair="bz-lanes-divzero", entry="GET /v1/sailings/{sailing_id}/availability"),
    Bug("bz-lanes-divzero", "booking-api", (Exc("panic", "attempt to divide by zero", (*AXUM, api("routes::sailings::availability::{{closure}}", "routes/sailings.rs", 51, 31), api("capacity::remaining_lanes", "capacity.rs", 31, 22), *DIV_ZERO)),),
        (see("sentry.error", 2), see("splunk", 2, **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR, format="rust-panic")),
        classes=(4,), pair="bz-lanes-overflow", entry="GET /v1/sailings/{sailing_id}/availability"),
    # One parser, two errors: a pass whose base64 is damaged, a pass signed with a rotated key.
    Bug("bz-pass-base64", "checkin-gate", (Exc("InvalidByte", "Invalid symbol 45, offset {n}."), Exc("Error", "decoding boarding pass", (*AXUM, gate("routes::scan::{{closure}}", "routes.rs", 33, 22), gate("ticket::parse", "ticket.rs", 18, 10), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("splunk", 2, search="checkin-gate rejections", fields={"lane": "{idx}"}), see("datadog.log", monitor="checkin-gate rejected passes", team="ports", filter="service:checkin-gate status:error", text="{{log.attributes.message}}: {{log.attributes.error}}")),
        **GATE_LOG, classes=(4,), pair="bz-pass-signature", entry="POST /scan"),
    Bug("bz-pass-signature", "checkin-gate", (Exc("Error", "InvalidSignature", module="jsonwebtoken"), Exc("Error", "verifying boarding pass", (*AXUM, gate("routes::scan::{{closure}}", "routes.rs", 33, 22), gate("ticket::parse", "ticket.rs", 26, 10), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, search="checkin-gate rejections", fields={"lane": "{idx}"}), see("datadog.log", monitor="checkin-gate rejected passes", team="ports", filter="service:checkin-gate status:error", text="{{log.attributes.message}}: {{log.attributes.error}}")),
        **GATE_LOG, classes=(4, 5), pair="bz-pass-base64", entry="POST /scan", span=3),
    # The fleet API dropped `imo_number`: the worker's manifest and the API's vessel page decode it in two places.
    Bug("bz-imo-manifest", "manifest-worker", (Exc("Error", MISSING_IMO, module="serde_json"), Exc("Error", "decoding vessel for manifest", (*CONSUME, wk("manifest::publish::{{closure}}", "manifest.rs", 49, 36), wk("fleet::vessel::{{closure}}", "fleet.rs", 22, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **WORKER_MONITOR)),
        **WORKER_LOG, classes=(4,), pair="bz-imo-vessel-page", entry="manifest.publish"),
    Bug("bz-imo-vessel-page", "booking-api", (Exc("Error", MISSING_IMO, module="serde_json"), Exc("Error", "decoding vessel", (*AXUM, api("routes::vessels::show::{{closure}}", "routes/vessels.rs", 17, 31), api("fleet_client::get_vessel::{{closure}}", "fleet_client.rs", 40, 13), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH, err="debug")),
        **API_LOG, classes=(4,), pair="bz-imo-manifest", entry="GET /v1/vessels/{vessel_id}"),
    # The broker closing the channel under the worker's ack; the loop was renamed in 2026.13.0.
    Bug("bz-amqp-reset", "manifest-worker", (Exc("Error", "IO error: Connection reset by peer (os error 104)", module="lapin"), Exc("Error", "acking delivery {n}", (*TOKIO, wk("consumer::run::{{closure}}", "consumer.rs", 61, 26), dep("lapin::acker::Acker::ack::{{closure}}", "lapin-2.5.0/src/acker.rs", 28, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, **WORKER_SEARCH, err="display"), see("datadog.log", **WORKER_MONITOR)),
        **WORKER_LOG, classes=(5,), entry="manifest.publish", span=3, renames={"manifest_worker::consumer::run::{{closure}}": "manifest_worker::consumer::consume_forever::{{closure}}"}),
    # Monday-morning rush: the pool's 20 connections all checked out.
    Bug("bz-pool-timeout", "booking-api", (Exc("PoolTimedOut", "pool timed out while waiting for an open connection"), Exc("Error", "loading sailing {id}", (*AXUM, api("routes::sailings::availability::{{closure}}", "routes/sailings.rs", 44, 10), api("store::sailings::get::{{closure}}", "store/sailings.rs", 15, 10), SQLX_FETCH, *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("splunk", **API_SEARCH), see("splunk", **API_SEARCH, err="display"), see("datadog.log", 2, **API_MONITOR)),
        **API_LOG, entry="GET /v1/sailings/{sailing_id}/availability"),
    # Stripe refusing a refund on a disputed charge.
    Bug("bz-refund-402", "booking-api", (Exc("Error", "HTTP status client error (402 Payment Required) for url (https://api.stripe.com/v1/refunds)", module="reqwest"), Exc("Error", "refunding booking SF{id}", (*AXUM, api("routes::bookings::cancel::{{closure}}", "routes/bookings.rs", 112, 10), api("payments::refund::{{closure}}", "payments.rs", 58, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("splunk", **API_SEARCH)),
        **API_LOG, entry="POST /v1/bookings/{booking_id}/cancel"),
    # tower-http's TraceLayer line for slow availability lookups: one template, no bug.
    Bug("bz-slow-requests", "booking-api", (),
        (see("splunk", 4, search="booking-api slow responses", line="{ts}  WARN request{method=GET uri=/v1/sailings/{id}/availability version=HTTP/1.1}: tower_http::trace::on_response: finished processing request latency={ms} ms status=200"),),
        classes=(7,)),
    # An off-by-one over the gate's lanes; this service installs tracing-panic's hook, so the
    # panic reaches Splunk as one JSON event.
    Bug("bz-gate-lane-bounds", "checkin-gate", (Exc("panic", "index out of bounds: the len is {idx} but the index is {idx}", (*AXUM, gate("routes::scan::{{closure}}", "routes.rs", 41, 18), gate("lanes::assign", "lanes.rs", 27, 20), std("core::panicking::panic_bounds_check", "core/src/panicking.rs", 266, 5), std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14), std("rust_begin_unwind", "std/src/panicking.rs", 665, 5))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", search="checkin-gate rejections", format="tracing-panic"), see("splunk", search="checkin-gate rejections", format="tracing-panic", backtrace=True), see("datadog.log", monitor="checkin-gate panics", team="ports", filter="service:checkin-gate @panic.payload:*", text="checkin-gate panicked at {{log.attributes.fields.panic.location}}: {{log.attributes.fields.panic.payload}}", format="tracing-panic")),
        entry="POST /scan"),
    # Seen once: the gate's TLS certificate reload failing.
    Bug("bz-gate-cert", "checkin-gate", (Exc("Error", "No such file or directory (os error 2)", module="std::io"), Exc("Error", "reloading TLS certificate from /etc/gate/tls/tls.crt", (*TOKIO, gate("tls::watch::{{closure}}", "tls.rs", 31, 18), *ANYHOW_CONTEXT))),
        (see("sentry.error"),),
        singleton=True, log="certificate reload failed", logger="checkin_gate::tls"),
]

NOISE = [
    Noise("bz-noise-listening", "booking-api", "splunk", {**API_SEARCH, "line": "{ts}  INFO booking_api: listening on 0.0.0.0:8080"}),
    Noise("bz-noise-consumer", "manifest-worker", "splunk", {**WORKER_SEARCH, "line": '{"timestamp":"{ts}","level":"INFO","message":"consumer started","queue":"manifests","prefetch":"16","target":"manifest_worker::consumer","threadName":"tokio-runtime-worker"}'}),
    Noise("bz-noise-recovered", "manifest-worker", "datadog.log", {"monitor": "manifest-worker error logs", "team": "voyages", "transition": "Recovered", "alert_type": "success", "text": "manifest-worker error logs are back under the threshold."}),
]

SALLOWFEN = Company(
    key="bz",
    name="Sallowfen Ferries",
    domain="sallowfen.example",
    sentry_org="sallowfen",
    splunk_url="https://sallowfen.splunkcloud.com",
    splunk_guid="5E1A7C93-2B48-4D06-A9F1-C7E30B8D6F52",
    datadog_org=("482211", "Sallowfen Ferries"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.12.0", "2026.12.1", "2026.13.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sallowfen-sentry-client-secret",
)
