"""(fk) Hesket Charge, public EV charge points: Go 1.23 services on Kratos v2.8 (kratos-layout:
``service`` / ``biz`` / ``data`` packages, gRPC and HTTP transports from one proto),
``session-svc`` (charging sessions, talking to chargers through an OCPP gateway over gRPC)
and ``tariff-svc`` (tariffs, quotes cached in Redis), both over MySQL 8 with
go-sql-driver/mysql.

Both log through Kratos' ``log.NewStdLogger(os.Stdout)`` wrapped by kratos-layout's
``log.With`` (``fk-kratos-std``): the logging middleware's ``kind=server component=grpc
operation=... args=... code=500 reason=... stack=... latency=...`` record, whose ``stack`` is
``%+v`` of a Kratos ``*errors.Error`` (``error: code = 500 reason = X message = Y metadata =
map[] cause = ...``) and the cause's pkg/errors stack unquoted over several lines, and the
usecases' own ``log.Helper`` ``msg=`` lines. Sentry: sentry-go through the team's Kratos
middleware. Datadog: the recommended template, log monitors on ``reason``, APM by type.
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "session-svc": Service("session-svc", "go", "fk-kratos-std", "kube:container:session-svc", "/var/log/containers/session-svc.log", "fk_prod", 5540871, "go1.23.4", framework="kratos"),
    "tariff-svc": Service("tariff-svc", "go", "fk-kratos-std", "kube:container:tariff-svc", "/var/log/containers/tariff-svc.log", "fk_prod", 5540874, "go1.23.4", framework="kratos"),
}

KR = "/go/pkg/mod/github.com/go-kratos/kratos/v2@v2.8.2/"
MOD = "hesket.example/"
# A unary gRPC call through Kratos' middleware chain to the generated handler (oldest first).
GRPC = (
    golib("google.golang.org/grpc", "(*Server).handleStream", "/go/pkg/mod/google.golang.org/grpc@v1.68.0/server.go", 1752),
    golib("google.golang.org/grpc", "(*Server).processUnaryRPC", "/go/pkg/mod/google.golang.org/grpc@v1.68.0/server.go", 1394),
    golib("github.com/go-kratos/kratos/v2/transport/grpc", "(*Server).unaryServerInterceptor.func1", KR + "transport/grpc/interceptor.go", 59),
    golib("github.com/go-kratos/kratos/v2/middleware/recovery", "Recovery.func2.1", KR + "middleware/recovery/recovery.go", 57),
    golib("github.com/go-kratos/kratos/v2/middleware/logging", "Server.func1.1", KR + "middleware/logging/logging.go", 43),
)


def svc(name: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + name + "/internal/" + file.rsplit("/", 1)[0], function, f"/src/{name}/internal/{file}", line)


def kerr(code: int, reason: str, message: str, cause: str) -> str:
    """``(*errors.Error).Error()`` of Kratos v2."""
    return f"error: code = {code} reason = {reason} message = {message} metadata = map[] cause = {cause}"


def dup(name: str, frames: tuple[Frame, ...], reason: str, message: str, cause: str) -> tuple[Exc, Exc, Exc]:
    return (
        Exc("*mysql.MySQLError", cause, ()),
        Exc("*errors.withStack", cause, frames),
        Exc("*errors.Error", kerr(500, reason, message, cause), frames),
    )


LOG = dict(team="charge", monitor="[charge] Kratos server errors", filter="source:go status:error kind:server", style="error")
APM = dict(team="charge", monitor="[charge] grpc.server errors by type", style="type")
SEARCH = {"search": "hesket kratos errors", "app": "hesket"}
HELPER = {"search": "hesket usecase errors", "app": "hesket", "kind": "helper"}

START = svc("session-svc", "(*SessionService).StartSession", "service/session.go", 38)
STOP = svc("session-svc", "(*SessionService).StopSession", "service/session.go", 71)
SEND = svc("session-svc", "(*chargerRepo).Send", "data/charger.go", 54)
CACHE = svc("tariff-svc", "(*quoteCache).Get", "data/cache.go", 31)

BUGS = [
    # Duplicate rows in two tables: a session started twice and a tariff imported twice.
    Bug("fk-session-dup", "session-svc", dup("session-svc", (*GRPC, START, svc("session-svc", "(*SessionUsecase).Start", "biz/session.go", 66), svc("session-svc", "(*sessionRepo).Create", "data/session.go", 47)), "SESSION_CREATE_FAILED", "create session", "Error 1062 (23000): Duplicate entry 'CP-{n}-{id}' for key 'sessions.uniq_connector_started'"),
        (see("sentry.error", 3), see("splunk", 3, args='connector_id:"CP-{n}" id_tag:"{hex}"', reason="SESSION_CREATE_FAILED", operation="/charge.session.v1.Session/StartSession", **SEARCH), see("datadog.log", **LOG)),
        classes=(4,), pair="fk-tariff-dup", entry="/charge.session.v1.Session/StartSession"),
    Bug("fk-tariff-dup", "tariff-svc", dup("tariff-svc", (*GRPC, svc("tariff-svc", "(*TariffService).ImportTariffs", "service/tariff.go", 52), svc("tariff-svc", "(*TariffUsecase).Import", "biz/tariff.go", 81), svc("tariff-svc", "(*tariffRepo).Create", "data/tariff.go", 39)), "TARIFF_IMPORT_FAILED", "import tariffs", "Error 1062 (23000): Duplicate entry 'T-{idx}-2026' for key 'tariffs.uniq_code_year'"),
        (see("sentry.error", 2), see("splunk", 2, reason="TARIFF_IMPORT_FAILED", operation="/charge.tariff.v1.Tariff/ImportTariffs", args='source:"ocpi"', **SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="fk-session-dup", entry="/charge.tariff.v1.Tariff/ImportTariffs"),
    # One repository method sending to the OCPP gateway: starting and stopping a session.
    Bug("fk-start-offline", "session-svc", (Exc("*status.Error", "rpc error: code = Unavailable desc = charger CP-{n} not connected", (*GRPC, START, svc("session-svc", "(*SessionUsecase).Start", "biz/session.go", 58), SEND)),
                                            Exc("*errors.Error", kerr(503, "CHARGER_OFFLINE", "charger not connected", "rpc error: code = Unavailable desc = charger CP-{n} not connected"), (*GRPC, START, svc("session-svc", "(*SessionUsecase).Start", "biz/session.go", 58), SEND))),
        (see("sentry.error", 3), see("splunk", 2, code="503", reason="CHARGER_OFFLINE", operation="/charge.session.v1.Session/StartSession", args='connector_id:"CP-{n}"', **SEARCH), see("datadog.log", **LOG)),
        classes=(9,), pair="fk-stop-offline", entry="/charge.session.v1.Session/StartSession"),
    Bug("fk-stop-offline", "session-svc", (Exc("*status.Error", "rpc error: code = Unavailable desc = charger CP-{n} not connected", (*GRPC, STOP, svc("session-svc", "(*SessionUsecase).Stop", "biz/session.go", 97), SEND)),
                                           Exc("*errors.Error", kerr(503, "CHARGER_OFFLINE", "charger not connected", "rpc error: code = Unavailable desc = charger CP-{n} not connected"), (*GRPC, STOP, svc("session-svc", "(*SessionUsecase).Stop", "biz/session.go", 97), SEND))),
        (see("sentry.error", 2), see("splunk", 3, code="503", reason="CHARGER_OFFLINE", operation="/charge.session.v1.Session/StopSession", args='session_id:"{uuid}"', **SEARCH), see("datadog.apm", **APM)),
        classes=(9,), pair="fk-start-offline", entry="/charge.session.v1.Session/StopSession"),
    # context deadline exceeded in two services' calls.
    Bug("fk-meter-deadline", "session-svc", (Exc("context.deadlineExceededError", "context deadline exceeded", (*GRPC, svc("session-svc", "(*SessionService).MeterValues", "service/meter.go", 29), svc("session-svc", "(*MeterUsecase).Record", "biz/meter.go", 44), svc("session-svc", "(*meterRepo).Append", "data/meter.go", 61))),),
        (see("sentry.error", 2), see("splunk", 2, reason="", code="504", operation="/charge.session.v1.Session/MeterValues", args='session_id:"{uuid}" wh:{id}', **SEARCH), see("splunk", 2, **HELPER)),
        classes=(4,), pair="fk-quote-deadline", entry="/charge.session.v1.Session/MeterValues", log="meter append failed"),
    Bug("fk-quote-deadline", "tariff-svc", (Exc("context.deadlineExceededError", "context deadline exceeded", (*GRPC, svc("tariff-svc", "(*TariffService).Quote", "service/tariff.go", 88), svc("tariff-svc", "(*QuoteUsecase).Quote", "biz/quote.go", 35), svc("tariff-svc", "(*tariffRepo).ActiveFor", "data/tariff.go", 72))),),
        (see("sentry.error", 3), see("splunk", 2, code="504", reason="", operation="/charge.tariff.v1.Tariff/Quote", args='connector_id:"CP-{n}" kwh:{idx}', **SEARCH), see("datadog.log", **LOG)),
        classes=(4,), pair="fk-meter-deadline", entry="/charge.tariff.v1.Tariff/Quote"),
    # strconv on an empty value: a meter reading and a tariff price.
    Bug("fk-meter-parse", "session-svc", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "": invalid syntax', (*GRPC, svc("session-svc", "(*SessionService).MeterValues", "service/meter.go", 33), svc("session-svc", "parseSampled", "biz/meter.go", 112))),),
        (see("sentry.error", 3), see("splunk", 2, **HELPER), see("datadog.apm", **APM)),
        classes=(4,), pair="fk-price-parse", entry="/charge.session.v1.Session/MeterValues", log="parse sampled value"),
    Bug("fk-price-parse", "tariff-svc", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "": invalid syntax', (*GRPC, svc("tariff-svc", "(*TariffService).ImportTariffs", "service/tariff.go", 57), svc("tariff-svc", "priceComponent", "biz/ocpi.go", 23))),),
        (see("sentry.error", 2), see("splunk", 3, **HELPER), see("datadog.log", **LOG)),
        classes=(4,), pair="fk-meter-parse", entry="/charge.tariff.v1.Tariff/ImportTariffs", log="parse price component"),
    # redis: nil where a key was expected: the quote cache and the session lock.
    Bug("fk-quote-cache-nil", "tariff-svc", (Exc("redis.RedisError", "redis: nil", (*GRPC, svc("tariff-svc", "(*TariffService).Quote", "service/tariff.go", 84), CACHE)),),
        (see("sentry.error", 2), see("splunk", 2, **HELPER), see("datadog.apm", **APM)),
        classes=(4,), pair="fk-lock-nil", entry="/charge.tariff.v1.Tariff/Quote", log="quote cache"),
    Bug("fk-lock-nil", "session-svc", (Exc("redis.RedisError", "redis: nil", (*GRPC, STOP, svc("session-svc", "(*SessionUsecase).Stop", "biz/session.go", 89), svc("session-svc", "(*lockRepo).Owner", "data/lock.go", 27))),),
        (see("sentry.error", 3), see("splunk", 2, **HELPER), see("datadog.log", **LOG)),
        classes=(4,), pair="fk-quote-cache-nil", entry="/charge.session.v1.Session/StopSession", log="session lock owner"),
    # Not pairs.
    Bug("fk-mysql-invalid-conn", "session-svc", (Exc("*errors.errorString", "invalid connection", (*GRPC, svc("session-svc", "(*SessionService).GetSession", "service/session.go", 104), svc("session-svc", "(*sessionRepo).Get", "data/session.go", 88), golib("database/sql", "(*DB).QueryRowContext", GOSRC + "database/sql/sql.go", 1889))),),
        (see("sentry.error", 2), see("splunk", 3, code="500", reason="", operation="/charge.session.v1.Session/GetSession", args='id:"{uuid}"', **SEARCH), see("datadog.apm", **APM)),
        classes=(10,), entry="/charge.session.v1.Session/GetSession"),
    Bug("fk-roaming-json", "tariff-svc", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field Tariff.elements.price_components.step_size of type string", (*GRPC, svc("tariff-svc", "(*TariffService).ImportTariffs", "service/tariff.go", 49), svc("tariff-svc", "(*ocpiClient).Tariffs", "data/ocpi.go", 66))),),
        (see("sentry.error", 3), see("splunk", 2, code="500", reason="OCPI_DECODE", operation="/charge.tariff.v1.Tariff/ImportTariffs", args='source:"ocpi"', **SEARCH), see("datadog.log", **LOG)),
        classes=(5,), entry="/charge.tariff.v1.Tariff/ImportTariffs", span=3),
    Bug("fk-idtag-unknown", "session-svc", (Exc("*errors.Error", kerr(404, "ID_TAG_UNKNOWN", "id tag not found", "sql: no rows in result set"), (*GRPC, START, svc("session-svc", "(*SessionUsecase).Authorize", "biz/auth.go", 31))),),
        (see("sentry.error", 2), see("splunk", 2, code="404", reason="ID_TAG_UNKNOWN", operation="/charge.session.v1.Session/StartSession", args='connector_id:"CP-{n}" id_tag:"{hex}"', **SEARCH)),
        entry="/charge.session.v1.Session/StartSession"),
    Bug("fk-vat-singleton", "tariff-svc", (Exc("*errors.errorString", "unknown VAT category Z9", (*GRPC, svc("tariff-svc", "(*TariffService).Quote", "service/tariff.go", 92), svc("tariff-svc", "vatRate", "biz/vat.go", 18))),),
        (see("sentry.error"),),
        singleton=True, entry="/charge.tariff.v1.Tariff/Quote"),
    # A log template: the gateway's slow heartbeats, the charger and the duration vary.
    Bug("fk-slow-heartbeat", "session-svc", (),
        (see("splunk", 3, search="hesket slow heartbeats", app="hesket", line="WARN ts={ts} caller=biz/heartbeat.go:41 service.name=session-svc msg=heartbeat from CP-{n} late by {godur}"), see("datadog.log", 2, team="charge", monitor="[charge] late heartbeats", filter="service:session-svc status:warn", text="heartbeat from CP-{n} late by {godur}")),
        classes=(7,)),
    # Errors per operation: a stats row naming the operation alone.
    Bug("fk-errors-by-operation", "session-svc", (),
        (see("splunk", 2, search="hesket errors by operation (24h)", app="hesket", stats={"operation": "/charge.session.v1.Session/StartSession", "count": "{n}", "reason": "CHARGER_OFFLINE"}),),
        classes=(8,)),
]

NOISE = [
    Noise("fk-noise-start", "tariff-svc", "splunk", {"search": "hesket kratos errors", "line": "INFO ts={ts} caller=grpc/server.go:212 service.name=tariff-svc msg=[gRPC] server listening on: [::]:9000"}),
    Noise("fk-noise-deploy", "session-svc", "datadog.event", {"monitor": "Deploy", "text": "session-svc v2.4.1 deployed to charge-prod (6/6 pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fk-noise-recovered", "session-svc", "datadog.log", {"monitor": "[charge] Kratos server errors", "text": "Recovered: server errors back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

HESKET = Company(
    key="fk",
    name="Hesket Charge",
    domain="hesket-charge.example",
    sentry_org="hesket",
    splunk_url="https://hesket.splunkcloud.com",
    splunk_guid="5A9D2E14-7C3B-4F86-B0A1-9E6F2D4C8B57",
    datadog_org=("705403", "Hesket Charge"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v2.3.9", "v2.4.0", "v2.4.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hesket-sentry-client-secret",
)
# fmt: on
