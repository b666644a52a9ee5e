"""(ev) Evenwood Cycle Hire, dockless e-bikes in a market town: Rust services on tokio.
``hire-api`` (axum 0.7 behind tower-http's ``TraceLayer``, sqlx over PostgreSQL, reqwest to the
card processor and a geocoder) and ``telemetry-ingest`` (a tokio task per MQTT batch from the
bikes, rumqttc, writing positions through sqlx). The release profile keeps
``overflow-checks = true``, so arithmetic overflow panics.

Both log with tracing-subscriber's ``fmt().json()`` and its defaults (not flattened: the
event's ``fields`` with ``message`` and ``error``, ``target``, the current ``span`` and the
``spans`` list). The API records an ``anyhow::Error`` as ``error = ?err`` (its Debug: the
context, then ``Caused by:`` and the numbered causes), the ingest task as
``error = %format!("{err:#}")`` (all of it on one line, joined by ``: ``). TraceLayer's own
"response failed" event follows each 500 with the status and the latency and nothing else.
Panics reach stderr through Rust's default hook.

Sentry: sentry 0.34 with ``sentry-tower`` and ``sentry-anyhow`` and the panic integration.
Splunk: saved searches over the JSON and stderr. Datadog: its default payload (an empty
Payload), log monitors rendering ``{{log.attributes.fields.message}}`` and
``{{log.attributes.fields.error}}``; no APM agent on Rust. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from .gannet import ANYHOW_CONTEXT, AXUM, TOKIO, UNWRAP, UNWRAP_PANIC, dep, rs, std

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.rust", "0.34.0", "cargo:sentry")
SERVICES = {
    "hire-api": Service("hire-api", "rust", "ev-tracing-json", "evenwood:json", "/var/log/containers/hire-api.log", "evenwood", 8550011, "rustc 1.81.0", framework="generic", sdk=SDK),
    "telemetry-ingest": Service("telemetry-ingest", "rust", "ev-tracing-json", "evenwood:json", "/var/log/containers/telemetry-ingest.log", "evenwood", 8550014, "rustc 1.81.0", framework="generic", sdk=SDK),
}


def api(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"hire_api::{function}", f"crates/hire-api/src/{file}", line, col)


def ing(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"telemetry_ingest::{function}", f"crates/telemetry-ingest/src/{file}", line, col)


# One tokio task per MQTT batch.
BATCH = (
    *TOKIO,
    ing("batch::spawn_batch::{{closure}}", "batch.rs", 61, 36),
    ing("batch::ingest::{{closure}}", "batch.rs", 88, 22),
)
POST_JSON = rs("evenwood_http::post_json::{{closure}}", "crates/evenwood-http/src/lib.rs", 52, 10)
SQLX_ACQUIRE = dep("sqlx_core::pool::inner::PoolInner<DB>::acquire::{{closure}}", "sqlx-core-0.8.2/src/pool/inner.rs", 273, 17)
BOUNDS = (
    std("core::panicking::panic_bounds_check", "core/src/panicking.rs", 266, 5),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)
MUL_OVERFLOW = (
    std("core::panicking::panic_const::panic_const_mul_overflow", "core/src/panicking.rs", 181, 21),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)
API_LOG = {"log": "request failed", "logger": "hire_api::error"}
INGEST_LOG = {"log": "failed to ingest batch", "logger": "telemetry_ingest::batch"}
API_SEARCH = {"search": "hire-api errors"}
INGEST_SEARCH = {"search": "telemetry-ingest errors", "err": "alternate"}
TOWER = {"search": "hire-api errors", "format": "ev-tower-failure"}
PANICS = {"search": "evenwood panics (stderr)", "format": "rust-panic", "sourcetype": "evenwood:stderr", "source": "/var/log/containers/stderr.log"}
API_MONITOR = {"monitor": "hire-api error logs", "team": "hire", "filter": "service:hire-api status:error -@target:tower_http*", "text": "hire-api logged an error: {{log.attributes.fields.message}}\n\n```\n{{log.attributes.fields.error}}\n```"}
# One monitor over the whole ingest task: it shows whichever batch failure fired it.
INGEST_MONITOR = {"monitor": "telemetry-ingest: batches failing", "team": "fleet", "filter": "service:telemetry-ingest \"failed to ingest batch\"", "text": "Bike telemetry batches are failing.\n\n{{log.attributes.fields.error}}", "err": "alternate"}
PANIC_MONITOR = {"monitor": "Rust panics", "team": "platform", "filter": "source:stderr \"panicked at\"", "text": "A service panicked:\n\n```\n{{log.message}}\n```", "sample_lines": 2, "format": "rust-panic"}


def sqlx_unique(constraint: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Database", f'error returned from database: duplicate key value violates unique constraint "{constraint}"'),
        Exc("Error", context, (*AXUM, *app, *ANYHOW_CONTEXT)),
    )


def reqwest_timeout(url: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("TimedOut", "operation timed out"),
        Exc("Error", f"error sending request for url ({url})", module="reqwest"),
        Exc("Error", context, (*app, POST_JSON, *ANYHOW_CONTEXT)),
    )


BUGS = [
    # One unique violation per table: a bike started twice, a dock slot reserved twice.
    Bug("ev-ride-unique", "hire-api", sqlx_unique("rides_bike_id_open_key", "starting ride", (api("routes::rides::start::{{closure}}", "routes/rides.rs", 47, 10), api("store::rides::open::{{closure}}", "store/rides.rs", 22, 14), SQLX_ACQUIRE)),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("splunk", **TOWER), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4,), pair="ev-dock-unique", entry="POST /v1/rides"),
    Bug("ev-dock-unique", "hire-api", sqlx_unique("dock_reservations_dock_id_slot_key", "reserving dock slot", (api("routes::docks::reserve::{{closure}}", "routes/docks.rs", 33, 10), api("store::docks::reserve::{{closure}}", "store/docks.rs", 41, 14), SQLX_ACQUIRE)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4,), pair="ev-ride-unique", entry="POST /v1/docks/{dock_id}/reservations"),
    # The same `.unwrap()` on a missing bike in the unlock route and in the ingest task.
    Bug("ev-unlock-unwrap", "hire-api", (Exc("panic", UNWRAP, (*AXUM, api("routes::bikes::unlock::{{closure}}", "routes/bikes.rs", 58, 44), api("fleet::lock_state", "fleet.rs", 112, 39), *UNWRAP_PANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PANICS), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="ev-position-unwrap", entry="POST /v1/bikes/{bike_id}/unlock"),
    Bug("ev-position-unwrap", "telemetry-ingest", (Exc("panic", UNWRAP, (*BATCH, ing("position::apply", "position.rs", 29, 52), *UNWRAP_PANIC)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", **PANICS, backtrace=True), see("splunk", **PANICS), see("datadog.log", **PANIC_MONITOR)),
        classes=(4, 5), pair="ev-unlock-unwrap", entry="telemetry.batch", span=2),
    # One fare function, two panics: a multiplication overflow on a ride left open for weeks,
    # an empty tariff band list.
    Bug("ev-fare-overflow", "hire-api", (Exc("panic", "attempt to multiply with overflow", (*AXUM, api("routes::rides::end::{{closure}}", "routes/rides.rs", 91, 31), api("pricing::fare_pence", "pricing.rs", 36, 9), *MUL_OVERFLOW)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **PANICS)),
        classes=(4,), pair="ev-fare-bounds", entry="POST /v1/rides/{ride_id}/end"),
    Bug("ev-fare-bounds", "hire-api", (Exc("panic", "index out of bounds: the len is 0 but the index is 0", (*AXUM, api("routes::rides::end::{{closure}}", "routes/rides.rs", 91, 31), api("pricing::fare_pence", "pricing.rs", 29, 18), *BOUNDS)),),
        (see("sentry.error", 3), see("splunk", **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="ev-fare-overflow", entry="POST /v1/rides/{ride_id}/end"),
    # Two partners timing out behind one workspace helper.
    Bug("ev-card-timeout", "hire-api", reqwest_timeout("https://api.cardproc.example/v2/payment_intents", "capturing ride payment", (*AXUM, api("routes::rides::end::{{closure}}", "routes/rides.rs", 104, 14), api("payments::capture::{{closure}}", "payments.rs", 41, 9))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH), see("splunk", **TOWER), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(9,), pair="ev-geocode-timeout", entry="POST /v1/rides/{ride_id}/end", span=2),
    Bug("ev-geocode-timeout", "telemetry-ingest", reqwest_timeout("https://geo.townmaps.example/reverse?lat=54.64&lon=-1.74", "reverse-geocoding parked bike", (*BATCH, ing("parking::street_name::{{closure}}", "parking.rs", 18, 9))),
        (see("sentry.error", 3), see("splunk", 2, **INGEST_SEARCH), see("datadog.log", 2, **INGEST_MONITOR)),
        **INGEST_LOG, classes=(9,), pair="ev-card-timeout", entry="telemetry.batch"),
    # Two ingest failures under one monitor that pastes whichever error fired it.
    Bug("ev-ingest-decode", "telemetry-ingest", (Exc("Error", "invalid type: null, expected f64 at line 1 column {n}", module="serde_json"), Exc("Error", "decoding batch from bikes/{idx}/telemetry", (*BATCH, ing("decode::batch", "decode.rs", 14, 10), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **INGEST_SEARCH), see("datadog.log", 2, **INGEST_MONITOR)),
        **INGEST_LOG, classes=(2,), pair="ev-ingest-pool", entry="telemetry.batch"),
    Bug("ev-ingest-pool", "telemetry-ingest", (Exc("PoolTimedOut", "pool timed out while waiting for an open connection"), Exc("Error", "writing positions", (*BATCH, ing("store::write_positions::{{closure}}", "store.rs", 37, 14), SQLX_ACQUIRE, *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("sentry.alert", rule="telemetry-ingest: DB pool"), see("splunk", **INGEST_SEARCH), see("datadog.log", 2, **INGEST_MONITOR)),
        **INGEST_LOG, classes=(2,), pair="ev-ingest-decode", entry="telemetry.batch"),
    # A refund the card processor already made: its JSON body in the message.
    Bug("ev-refund-refused", "hire-api", (Exc("Error", 'card processor returned 409 Conflict: {"error":{"code":"charge_already_refunded","message":"Charge ch_{hex} has already been refunded."}}'), Exc("Error", "refunding ride {id}", (*AXUM, api("routes::support::refund::{{closure}}", "routes/support.rs", 66, 18), api("payments::refund::{{closure}}", "payments.rs", 88, 13), dep("anyhow::__private::format_err", "anyhow-1.0.86/src/lib.rs", 688, 13), dep("anyhow::error::<impl anyhow::Error>::msg", "anyhow-1.0.86/src/error.rs", 83, 36), std("std::backtrace::Backtrace::capture", "std/src/backtrace.rs", 296, 9)))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_MONITOR)),
        **API_LOG, entry="POST /v1/support/rides/{ride_id}/refund"),
    # The broker dropping the ingest task's connection.
    Bug("ev-mqtt-closed", "telemetry-ingest", (Exc("Error", "connection closed by peer", module="std::io"), Exc("ConnectionError", "Mqtt state: Io error: Custom { kind: ConnectionAborted, error: \"connection closed by peer\" }", module="rumqttc"), Exc("Error", "polling MQTT event loop", (*TOKIO, ing("mqtt::run::{{closure}}", "mqtt.rs", 44, 30), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("splunk", 2, **INGEST_SEARCH, fields={"broker": "mqtt.evenwood.example:8883"}), see("datadog.log", monitor="telemetry-ingest: MQTT disconnects", team="fleet", filter="service:telemetry-ingest @fields.message:\"mqtt connection lost\"", text="{{log.attributes.fields.message}}: {{log.attributes.fields.error}}", err="alternate")),
        log="mqtt connection lost", logger="telemetry_ingest::mqtt", entry="telemetry.mqtt"),
    # The town's parking zones reloaded from a bad GeoJSON: the API's zone lookup answers 500.
    Bug("ev-zone-geojson", "hire-api", (Exc("Error", "expected value at line 1 column 1", module="serde_json"), Exc("Error", "parsing parking zones from s3://evenwood-config/zones/{week}.geojson", (*AXUM, api("routes::zones::list::{{closure}}", "routes/zones.rs", 21, 10), api("zones::load::{{closure}}", "zones.rs", 57, 14), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **API_SEARCH, err="debug"), see("splunk", **TOWER)),
        **API_LOG, classes=(5,), entry="GET /v1/zones", span=3),
    Bug("ev-battery-cast", "telemetry-ingest", (Exc("panic", "called `Result::unwrap()` on an `Err` value: TryFromIntError(())", (*BATCH, ing("battery::percent", "battery.rs", 12, 47), std("core::result::unwrap_failed", "core/src/result.rs", 1679, 5), std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14), std("rust_begin_unwind", "std/src/panicking.rs", 665, 5))),),
        (see("sentry.error"),),
        singleton=True, entry="telemetry.batch"),
    # Slow batches: the ingest task's own warning, values varying.
    Bug("ev-slow-batch", "telemetry-ingest", (),
        (see("splunk", 3, search="telemetry-ingest warnings", line='{"timestamp":"{ts}","level":"WARN","fields":{"message":"slow telemetry batch","bikes":{n},"bytes":{offset},"elapsed":"{elapsed}ms"},"target":"telemetry_ingest::batch","span":{"topic":"bikes/{idx}/telemetry","name":"batch"},"spans":[{"topic":"bikes/{idx}/telemetry","name":"batch"}]}'),),
        classes=(7,)),
]

NOISE = [
    Noise("ev-noise-listening", "hire-api", "splunk", {**API_SEARCH, "line": '{"timestamp":"{ts}","level":"INFO","fields":{"message":"listening","addr":"0.0.0.0:8080"},"target":"hire_api"}'}),
    Noise("ev-noise-mqtt-reconnected", "telemetry-ingest", "datadog.log", {"monitor": "telemetry-ingest: MQTT disconnects", "team": "fleet", "filter": "service:telemetry-ingest @fields.message:\"mqtt connection lost\"", "text": "[Recovered] telemetry-ingest reconnected to mqtt.evenwood.example:8883.", "transition": "Recovered"}),
    Noise("ev-noise-deploy", "hire-api", "datadog.event", {"monitor": "Deployed hire-api 0.19.0", "text": "Fly.io release v88 of hire-api (0.19.0) is healthy on 2 machines.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
]

EVENWOOD = Company(
    key="ev",
    name="Evenwood Cycle Hire",
    domain="evenwood.example",
    sentry_org="evenwood",
    splunk_url="https://splunk.evenwood.example:8000",
    splunk_guid="1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9",
    datadog_org=("855003", "Evenwood Cycle Hire"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("0.18.2", "0.18.3", "0.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="evenwood-sentry-client-secret",
)
# fmt: on
