"""(nh) Gamblesby Fleet, HGV fleet telematics: Rust actix-web 4 services on EKS.
``fleet-api`` (actix-web 4.9, sqlx over PostgreSQL, reqwest to routing and weather partners,
tracing-actix-web's ``TracingLogger``) and ``telemetry-ingest`` (actix-web receiving vehicle
pings, Redis via deadpool-redis).

Logging: tracing with tracing-bunyan-formatter's JSON on stdout (the app's
``[HTTP REQUEST - EVENT]`` records with anyhow's ``{:?}`` in ``error``, tracing-actix-web's
``[HTTP REQUEST - END]`` with ``exception.message``/``exception.details``); ``RUST_BACKTRACE=1``
so anyhow captures a backtrace and panics print the short backtrace, each stderr line its own
event. Fluentd posts the whole record (``log``, ``kubernetes``) to Splunk HEC (one saved search
over both services' error records, one over panic lines); the Datadog Agent (one log monitor on
the bunyan records of both services, one on ``panicked at`` lines). sentry 0.34 with
sentry-actix, sentry-anyhow and the panic integration. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from .corriebeck import ACTIX
from .gannet import ANYHOW_CONTEXT, UNWRAP, UNWRAP_PANIC, dep, rs, std

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.rust", "0.34.0", "cargo:sentry")
SERVICES = {
    "fleet-api": Service("fleet-api", "rust", "nh-fluentd", "fluentd:kube:fleet", "kube.var.log.containers.fleet-api", "fleet_prod", 12310011, "rustc 1.82.0", framework="generic", sdk=SDK),
    "telemetry-ingest": Service("telemetry-ingest", "rust", "nh-fluentd", "fluentd:kube:fleet", "kube.var.log.containers.telemetry-ingest", "fleet_prod", 12310012, "rustc 1.82.0", framework="generic", sdk=SDK),
}


def api(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"fleet_api::{function}", f"crates/fleet-api/src/{file}", line, col)


def ing(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"telemetry_ingest::{function}", f"crates/telemetry-ingest/src/{file}", line, col)


SQLX_EXEC = dep("sqlx_core::query::Query<DB,A>::execute::{{closure}}", "sqlx-core-0.8.2/src/query.rs", 167, 9)
SQLX_ACQUIRE = dep("sqlx_core::pool::inner::PoolInner<DB>::acquire::{{closure}}", "sqlx-core-0.8.2/src/pool/inner.rs", 273, 17)
# The workspace's one partner HTTP helper.
GET_JSON = rs("gamblesby_http::get_json::{{closure}}", "crates/gamblesby-http/src/lib.rs", 52, 10)
SUB_OVERFLOW = (
    std("core::panicking::panic_const::panic_const_sub_overflow", "core/src/panicking.rs", 178, 21),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)
BOUNDS = (
    std("core::panicking::panic_bounds_check", "core/src/panicking.rs", 274, 5),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)
RESULT_UNWRAP = (
    std("core::result::unwrap_failed", "core/src/result.rs", 1679, 5),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 665, 5),
)

SEARCH = dict(search="Gamblesby fleet - error records", owner="fleet_ops", app="gamblesby_fleet")
PANICS = dict(search="Gamblesby fleet - Rust panics", owner="fleet_ops", app="gamblesby_fleet", panic=True)
DD = dict(team="fleet", monitor="[fleet] Rust service errors", format="nh-dd", filter="kube_namespace:fleet status:error", text="{{log.service}}: {{log.attributes.msg}}\n\n```\n{{log.attributes.error}}\n```")
DD_END = dict(team="fleet", monitor="[fleet] Rust service errors", format="nh-dd", bunyan="end", filter="kube_namespace:fleet status:error", text="{{log.service}}: {{log.attributes.msg}} {{log.attributes.http.route}} -> {{log.attributes.exception.message}}")
DD_PANIC = dict(team="fleet", monitor="[fleet] panics", format="nh-dd", panic=True, filter='kube_namespace:fleet "panicked at"', text="Panic on {{log.host}}:\n\n{{log.message}}", sample_lines=1)
API_LOG = {"log": "request failed"}


def spl(n: int = 1, **opts: object) -> object:
    return see("splunk", n, **SEARCH, **opts)


def unique(constraint: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Database", f'error returned from database: duplicate key value violates unique constraint "{constraint}"'),
        Exc("Error", context, (*ACTIX, *app, SQLX_EXEC, *ANYHOW_CONTEXT)),
    )


def timeout(url: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("TimedOut", "operation timed out"),
        Exc("Error", f"error sending request for url ({url})", module="reqwest"),
        Exc("Error", context, (*ACTIX, *app, GET_JSON, *ANYHOW_CONTEXT)),
    )


BUGS = [
    # 1. Unique violations on two tables behind one insert helper's shape.
    Bug("nh-trip-unique", "fleet-api", unique("trips_vehicle_id_started_at_key", "inserting trip", (api("routes::trips::start::{{closure}}", "routes/trips.rs", 61, 10), api("store::trips::insert::{{closure}}", "store/trips.rs", 33, 14))),
        (see("sentry.error", 3), spl(2), spl(bunyan="end"), see("datadog.log", **DD), see("datadog.log", **DD_END)),
        **API_LOG, classes=(1, 4), pair="nh-stop-unique", entry="POST /v1/vehicles/{vehicle_id}/trips"),
    Bug("nh-stop-unique", "fleet-api", unique("delivery_stops_trip_id_seq_key", "inserting delivery stop", (api("routes::stops::create::{{closure}}", "routes/stops.rs", 44, 10), api("store::stops::insert::{{closure}}", "store/stops.rs", 29, 14))),
        (see("sentry.error", 2), see("sentry.issue"), spl(2, backtrace=True), see("datadog.log", **DD)),
        **API_LOG, classes=(1, 4), pair="nh-trip-unique", entry="POST /v1/trips/{trip_id}/stops"),
    # 2. `Option::unwrap()` on None in two services.
    Bug("nh-odometer-unwrap", "fleet-api", (Exc("panic", UNWRAP, (*ACTIX, api("routes::vehicles::odometer::{{closure}}", "routes/vehicles.rs", 88, 41), api("vehicles::last_reading", "vehicles.rs", 120, 58), *UNWRAP_PANIC)),),
        (see("sentry.error", 3), see("splunk", **PANICS, pline="head"), see("splunk", **PANICS, pline="payload"), see("datadog.log", 2, **DD_PANIC)),
        classes=(4,), pair="nh-geofence-unwrap", entry="GET /v1/vehicles/{vehicle_id}/odometer", span=2),
    Bug("nh-geofence-unwrap", "telemetry-ingest", (Exc("panic", UNWRAP, (*ACTIX, ing("routes::pings::ingest::{{closure}}", "routes/pings.rs", 37, 22), ing("geofence::Matcher::depot_for", "geofence.rs", 74, 47), *UNWRAP_PANIC)),),
        (see("sentry.error", 2), see("sentry.alert", rule="telemetry-ingest: any panic"), see("splunk", **PANICS, pline="head"), see("splunk", **PANICS, pline="frame"), see("datadog.log", **DD_PANIC)),
        classes=(4,), pair="nh-odometer-unwrap", entry="POST /v1/pings"),
    # 3. One ping decoder, two failures: an empty body (serde) and a short CAN frame (index panic).
    Bug("nh-ping-decode-eof", "telemetry-ingest", (Exc("Error", "EOF while parsing a value at line 1 column 0", module="serde_json"), Exc("Error", "decoding ping from 35{offset}{sub}", (*ACTIX, ing("routes::pings::ingest::{{closure}}", "routes/pings.rs", 31, 18), ing("decode::decode_ping", "decode.rs", 27, 20), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), spl(2), spl(bunyan="end"), see("datadog.log", **DD)),
        log="rejecting ping", classes=(1, 4), pair="nh-ping-decode-range", entry="POST /v1/pings"),
    Bug("nh-ping-decode-range", "telemetry-ingest", (Exc("panic", "index out of bounds: the len is 6 but the index is 6", (*ACTIX, ing("routes::pings::ingest::{{closure}}", "routes/pings.rs", 31, 18), ing("decode::decode_ping", "decode.rs", 48, 25), ing("decode::can::fuel_level", "decode/can.rs", 19, 13), *BOUNDS)),),
        (see("sentry.error", 3), see("splunk", 2, **PANICS, pline="head"), see("datadog.log", **DD_PANIC)),
        classes=(4,), pair="nh-ping-decode-eof", entry="POST /v1/pings"),
    # 4. Two partners timing out behind one helper.
    Bug("nh-routing-timeout", "fleet-api", timeout("https://api.routing.example/v2/matrix", "fetching drive-time matrix for depot {id}", (api("routes::plans::optimise::{{closure}}", "routes/plans.rs", 72, 14), api("partners::routing::matrix::{{closure}}", "partners/routing.rs", 40, 9))),
        (see("sentry.error", 3), spl(2), see("datadog.log", 2, **DD)),
        **API_LOG, classes=(1, 9), pair="nh-weather-timeout", entry="POST /v1/plans/{plan_id}/optimise"),
    Bug("nh-weather-timeout", "fleet-api", timeout("https://weather.partner.example/v1/warnings?region=UKM", "fetching road weather warnings", (api("routes::plans::warnings::{{closure}}", "routes/plans.rs", 118, 14), api("partners::weather::warnings::{{closure}}", "partners/weather.rs", 25, 9))),
        (see("sentry.error", 2), see("sentry.error", release=1), spl(bunyan="end"), spl(), see("datadog.log", **DD)),
        **API_LOG, classes=(1, 5, 9), pair="nh-routing-timeout", entry="GET /v1/plans/{plan_id}/warnings", span=2),
    # 5. The same subtraction overflow in two compliance rules.
    Bug("nh-hours-sub-overflow", "fleet-api", (Exc("panic", "attempt to subtract with overflow", (*ACTIX, api("routes::drivers::hours::{{closure}}", "routes/drivers.rs", 53, 30), api("compliance::hours::remaining_drive", "compliance/hours.rs", 66, 9), *SUB_OVERFLOW)),),
        (see("sentry.error", 3), see("splunk", **PANICS, pline="head"), see("splunk", **PANICS, pline="frame"), see("datadog.log", **DD_PANIC)),
        classes=(4,), pair="nh-rest-sub-overflow", entry="GET /v1/drivers/{driver_id}/hours"),
    Bug("nh-rest-sub-overflow", "fleet-api", (Exc("panic", "attempt to subtract with overflow", (*ACTIX, api("routes::drivers::hours::{{closure}}", "routes/drivers.rs", 57, 24), api("compliance::rest::daily_rest_due", "compliance/rest.rs", 41, 12), *SUB_OVERFLOW)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **PANICS, pline="head"), see("datadog.log", **DD_PANIC)),
        classes=(4,), pair="nh-hours-sub-overflow", entry="GET /v1/drivers/{driver_id}/hours"),
    # Not pairs.
    Bug("nh-pool-timeout", "fleet-api", (Exc("PoolTimedOut", "pool timed out while waiting for an open connection", module="sqlx_core::error"), Exc("Error", "loading vehicle {id}", (*ACTIX, api("routes::vehicles::show::{{closure}}", "routes/vehicles.rs", 34, 18), api("store::vehicles::get::{{closure}}", "store/vehicles.rs", 19, 10), SQLX_ACQUIRE, *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), spl(2), spl(bunyan="end"), see("datadog.log", 2, **DD_END)),
        **API_LOG, classes=(1,), entry="GET /v1/vehicles/{vehicle_id}"),
    Bug("nh-redis-refused", "telemetry-ingest", (Exc("Error", "Connection refused (os error 111)", module="redis"), Exc("Error", "caching last position for 35{offset}{sub}", (*ACTIX, ing("routes::pings::ingest::{{closure}}", "routes/pings.rs", 44, 14), ing("cache::Positions::store::{{closure}}", "cache.rs", 58, 10), dep("deadpool::managed::Pool<M,W>::get::{{closure}}", "deadpool-0.12.1/src/managed/mod.rs", 307, 21), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), spl(3), see("datadog.log", **DD)),
        log="rejecting ping", classes=(1,), entry="POST /v1/pings"),
    Bug("nh-mutex-poison", "telemetry-ingest", (Exc("panic", "called `Result::unwrap()` on an `Err` value: PoisonError { .. }", (*ACTIX, ing("routes::pings::ingest::{{closure}}", "routes/pings.rs", 40, 9), ing("dedupe::Window::seen", "dedupe.rs", 22, 39), *RESULT_UNWRAP)),),
        (see("sentry.error", 3), see("splunk", **PANICS, pline="payload"), see("splunk", **PANICS, pline="head"), see("datadog.log", **DD_PANIC)),
        entry="POST /v1/pings", span=2, renames={"telemetry_ingest::dedupe::Window::seen": "telemetry_ingest::dedupe::Window::check_and_insert"}),
    Bug("nh-tacho-card-parse", "fleet-api", (Exc("ParseIntError", "invalid digit found in string"), Exc("Error", "parsing tachograph card number \"DB{n}X7\"", (*ACTIX, api("routes::drivers::link_card::{{closure}}", "routes/drivers.rs", 91, 22), api("tacho::CardNumber::parse", "tacho.rs", 30, 18), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), see("datadog.log", **DD)),
        **API_LOG, classes=(1, 5), entry="PUT /v1/drivers/{driver_id}/card", span=3),
    # Seen once.
    Bug("nh-export-capacity", "fleet-api", (Exc("panic", "capacity overflow", (*ACTIX, api("routes::exports::mileage::{{closure}}", "routes/exports.rs", 27, 19), api("exports::csv::Writer::with_rows", "exports/csv.rs", 15, 23), std("alloc::raw_vec::capacity_overflow", "alloc/src/raw_vec.rs", 25, 5), std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14), std("rust_begin_unwind", "std/src/panicking.rs", 665, 5))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/exports/mileage"),
]

NOISE = [
    Noise("nh-noise-deploy", "fleet-api", "datadog.event", {"monitor": "Deployed fleet-api 2026.3.9", "text": "ArgoCD synced fleet-api to 2026.3.9 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "fleet", "release": "2"}),
    Noise("nh-noise-starting", "telemetry-ingest", "splunk", {**SEARCH, "line": '{"log":"{\\"v\\":0,\\"name\\":\\"telemetry-ingest\\",\\"msg\\":\\"starting 4 workers\\",\\"level\\":30,\\"hostname\\":\\"telemetry-ingest-6d8f9c7b5-q2x7k\\",\\"pid\\":1,\\"time\\":\\"{ts}\\",\\"target\\":\\"actix_server::builder\\",\\"line\\":272,\\"file\\":\\"actix-server-2.5.0/src/builder.rs\\"}\\n","stream":"stdout","kubernetes":{"namespace_name":"fleet","container_name":"telemetry-ingest"}}'}),
    Noise("nh-noise-recovered", "fleet-api", "datadog.log", {"monitor": "[fleet] Rust service errors", "transition": "Recovered", "alert_type": "success", "team": "fleet", "filter": "kube_namespace:fleet status:error", "text": "fleet error logs back under the threshold."}),
]

GAMBLESBY = Company(
    key="nh",
    name="Gamblesby Fleet",
    domain="gamblesby-fleet.example",
    sentry_org="gamblesby-fleet",
    splunk_url="https://gamblesby.splunkcloud.example",
    splunk_guid="5E7A2C91-3B64-4F08-A2D7-9C1E4B6F0A53",
    datadog_org=("1230011", "Gamblesby Fleet"),
    datadog_template="recommended",
    posthog_project=(92301, "Gamblesby"),
    releases=("2026.3.2", "2026.3.6", "2026.3.9"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gamblesby-sentry-client-secret",
)
# fmt: on
