"""(t) Tollbridge, road tolling: a Spring WebFlux service on Java 21 (``tolling``, Reactor
Netty, logback's default console pattern), a Dropwizard 4 account service (``accounts``,
Dropwizard's default log format), a Go plate-reader gateway on net/http with the standard
``log`` package (``anpr``), and Caddy in front of everything.

Sentry (sentry-java for Spring Boot 3, sentry-go) sees the services; Splunk indexes logback,
Dropwizard's lines, Go's stderr (``log`` lines and recovered handler panics) and Caddy's JSON
access log; Datadog posts the team's upper-case template with the plain-text message.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import GOSRC, go, golib, jexc, jv

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "tolling": Service("tolling", "java", "logback", "tollbridge:tolling", "/var/log/containers/tolling.log", "tb_prod", 7120031, "OpenJDK 21.0.4", framework="spring"),
    "accounts": Service("accounts", "java", "logback-plain", "tollbridge:accounts", "/var/log/accounts/accounts.log", "tb_prod", 7120034, "OpenJDK 21.0.4"),
    "anpr": Service("anpr", "go", "go-stdlog", "tollbridge:anpr", "/var/log/containers/anpr.log", "tb_prod", 7120037, "go1.23.2"),
}

WEBFLUX = (
    jv("reactor.netty.http.server.HttpServerOperations", "onInboundNext", 644, lib=True),
    jv("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 132, lib=True),
    jv("reactor.core.publisher.FluxMapFuseable$MapFuseableSubscriber", "onNext", 129, lib=True),
    jv("org.springframework.web.reactive.result.method.InvocableHandlerMethod", "lambda$invoke$0", 208, lib=True),
)
JERSEY = (
    jv("org.eclipse.jetty.server.handler.HandlerWrapper", "handle", 127, lib=True),
    jv("io.dropwizard.jersey.filter.AllowedMethodsFilter", "doFilter", 48, lib=True),
    jv("org.glassfish.jersey.server.model.internal.ResourceMethodInvocationHandlerFactory", "lambda$static$0", 52, lib=True),
)
NETHTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2747),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2220),
)
CADDY = "tollbridge:caddy"
TOLL_LOG = dict(log="Unexpected error in reactive chain", logger="com.tollbridge.tolling.web.ErrorAdvice")
ACC_LOG = dict(log="Error handling a request: {hex}", logger="io.dropwizard.jersey.errors.LoggingExceptionMapper")
DD_TOLL = dict(team="tolling", monitor="tolling error logs", filter="service:tolling status:error", style="stack")


def tj(cls: str, method: str, line: int) -> object:
    return jv("com.tollbridge.tolling." + cls, method, line)


def aj(cls: str, method: str, line: int) -> object:
    return jv("com.tollbridge.accounts." + cls, method, line)


def ag(fn: str, file: str, line: int) -> object:
    return go("tollbridge.example/anpr/internal/" + file.split("/")[0], fn, "/src/internal/" + file, line)


BUGS = [
    # One NPE text in two reactive handlers (helpful NPE messages differ only by the field).
    Bug("tb-trip-vehicle-npe", "tolling", (jexc("java.lang.NullPointerException", 'Cannot invoke "com.tollbridge.tolling.model.Vehicle.getTariffClass()" because the return value of "com.tollbridge.tolling.model.Trip.getVehicle()" is null', (*WEBFLUX, tj("web.TripHandler", "price", 61), tj("pricing.TariffService", "classFor", 38))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **DD_TOLL), see("datadog.apm", style="message", team="tolling", monitor="tolling error spans")),
        classes=(4,), pair="tb-invoice-vehicle-npe", entry="POST /trips/{trip_id}/price", **TOLL_LOG),
    Bug("tb-invoice-vehicle-npe", "tolling", (jexc("java.lang.NullPointerException", 'Cannot invoke "com.tollbridge.tolling.model.Vehicle.getTariffClass()" because the return value of "com.tollbridge.tolling.model.Trip.getVehicle()" is null', (*WEBFLUX, tj("web.InvoiceHandler", "preview", 44), tj("billing.InvoiceLines", "lineFor", 72))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **DD_TOLL)),
        classes=(4,), pair="tb-trip-vehicle-npe", entry="GET /invoices/{invoice_id}/preview", **TOLL_LOG),
    # WebClient timing out against the DVLA lookup, wrapped by Reactor; over two releases.
    Bug("tb-dvla-timeout", "tolling", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or terminal signal within 5000ms in 'flatMap' (and no fallback has been configured)", (jv("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296, lib=True), jv("reactor.core.publisher.FluxTimeout$TimeoutTimeoutSubscriber", "onNext", 507, lib=True))), jexc("org.springframework.web.reactive.function.client.WebClientRequestException", "Did not observe any item or terminal signal within 5000ms in 'flatMap' (and no fallback has been configured)", (*WEBFLUX, tj("dvla.DvlaClient", "lookup", 53), jv("org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction", "lambda$wrapException$9", 136, lib=True)))),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.apm", style="type", team="tolling", monitor="tolling error spans")),
        classes=(5, 10), span=2, renames={"lookup": "findVehicle"}, pair="tb-trip-enum", entry="POST /trips", **TOLL_LOG),
    # Jackson refusing an enum value, in the trip import.
    Bug("tb-trip-enum", "tolling", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `com.tollbridge.tolling.model.Lane` from String "L{idx}X": not one of the values accepted for Enum class: [L1, L2, L3, L4]', (*WEBFLUX, tj("web.ImportHandler", "importTrips", 29), jv("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3825, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("sentry.issue")),
        pair="tb-dvla-timeout", entry="POST /imports/trips", **TOLL_LOG),
    # Dropwizard: Hibernate's NonUniqueResultException in two resources (two entities).
    Bug("tb-account-nonunique", "accounts", (jexc("jakarta.persistence.NonUniqueResultException", "query did not return a unique result: 2", (*JERSEY, aj("resources.AccountResource", "byPlate", 57), aj("db.AccountDAO", "findByPlate", 33))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="accounts", monitor="accounts error logs", filter="service:accounts status:error", style="sample")),
        classes=(4,), pair="tb-autopay-nonunique", entry="GET /accounts/by-plate/{plate}", **ACC_LOG),
    Bug("tb-autopay-nonunique", "accounts", (jexc("jakarta.persistence.NonUniqueResultException", "query did not return a unique result: 2", (*JERSEY, aj("resources.AutopayResource", "mandate", 41), aj("db.MandateDAO", "activeFor", 28))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="accounts", monitor="accounts error logs", filter="service:accounts status:error", style="sample")),
        classes=(4,), pair="tb-account-nonunique", entry="GET /accounts/{id}/autopay", **ACC_LOG),
    # Go: a plate-reader handler panics on an empty OCR result; recovered by net/http.
    Bug("tb-anpr-index-panic", "anpr", (Exc("runtime.Error", "runtime error: index out of range [0] with length 0", (*NETHTTP, ag("handlers.(*Reads).Post", "handlers/reads.go", 74), ag("ocr.Best", "ocr/best.go", 19))),),
        (see("sentry.error", 2), see("splunk", 3, format="go-panic"), see("datadog.log", team="anpr", monitor="anpr panics", filter="service:anpr \"http: panic serving\"", style="sample")),
        classes=(1,), pair="tb-anpr-camera-panic", entry="POST /reads"),
    Bug("tb-anpr-camera-panic", "anpr", (Exc("runtime.Error", "runtime error: index out of range [0] with length 0", (*NETHTTP, ag("handlers.(*Cameras).Health", "handlers/cameras.go", 31), ag("fleet.Latest", "fleet/latest.go", 44))),),
        (see("sentry.error", 2), see("splunk", 2, format="go-panic")),
        pair="tb-anpr-index-panic", entry="GET /cameras/{id}/health"),
    # Go errors wrapped with %w, logged by the stdlib log: the same root in two calls.
    Bug("tb-anpr-upload-refused", "anpr", (Exc("*net.OpError", "dial tcp {ip}:9000: connect: connection refused"), Exc("*url.Error", 'Put "http://minio:9000/plates/{uuid}.jpg": dial tcp {ip}:9000: connect: connection refused'), Exc("*fmt.wrapError", 'store plate image: Put "http://minio:9000/plates/{uuid}.jpg": dial tcp {ip}:9000: connect: connection refused', (*NETHTTP, ag("handlers.(*Reads).Post", "handlers/reads.go", 88), ag("store.(*Images).Put", "store/images.go", 52)))),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", team="anpr", monitor="anpr error logs", filter="service:anpr status:error", style="sample")),
        classes=(9,), pair="tb-anpr-fetch-refused", log="read {uuid}", entry="POST /reads"),
    Bug("tb-anpr-fetch-refused", "anpr", (Exc("*net.OpError", "dial tcp {ip}:8443: connect: connection refused"), Exc("*url.Error", 'Get "https://registry.tollbridge.example:8443/v1/plates/{plate}": dial tcp {ip}:8443: connect: connection refused'), Exc("*fmt.wrapError", 'lookup plate: Get "https://registry.tollbridge.example:8443/v1/plates/{plate}": dial tcp {ip}:8443: connect: connection refused', (*NETHTTP, ag("handlers.(*Reads).Post", "handlers/reads.go", 97), ag("registry.(*Client).Lookup", "registry/client.go", 40)))),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="anpr", monitor="anpr error logs", filter="service:anpr status:error", style="sample")),
        classes=(9,), pair="tb-anpr-upload-refused", log="read {uuid}", entry="POST /reads"),
    # Caddy: two upstream problems under one search (a dial failure and a timeout).
    Bug("tb-caddy-tolling-502", "tolling", (),
        (see("splunk", 3, search="caddy - 5xx", sourcetype=CADDY, source="/var/log/caddy/access.log", line='{"level":"error","ts":{epoch},"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"{ip}","proto":"HTTP/2.0","method":"POST","host":"api.tollbridge.example","uri":"/trips"},"bytes_read":0,"user_id":"","duration":0.00{n},"size":0,"status":502,"resp_headers":{"Server":["Caddy"]}}'), see("datadog.log", team="tolling", monitor="Caddy 5xx", filter="source:caddy @status:[500 TO 599]", text="Caddy answered 502 for POST /trips (upstream tolling:8080 dial tcp: connection refused).")),
        classes=(7, 8), pair="tb-caddy-accounts-504"),
    Bug("tb-caddy-accounts-504", "accounts", (),
        (see("splunk", 3, search="caddy - 5xx", sourcetype=CADDY, source="/var/log/caddy/access.log", line='{"level":"error","ts":{epoch},"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"{ip}","proto":"HTTP/1.1","method":"GET","host":"api.tollbridge.example","uri":"/accounts/{id}"},"bytes_read":0,"user_id":"","duration":30.0{n},"size":0,"status":504,"resp_headers":{"Server":["Caddy"]}}'), see("datadog.log", team="accounts", monitor="Caddy 5xx", filter="source:caddy @status:[500 TO 599]", text="Caddy answered 504 for GET /accounts (upstream accounts:8080 timed out after {godur}).")),
        classes=(7, 8), pair="tb-caddy-tolling-502"),
    # The tolling pods killed for memory: a problem, no bug named.
    Bug("tb-tolling-oom", "tolling", (),
        (see("datadog.metric", 2, monitor="tolling OOMKilled", scope="kube_deployment:tolling", team="tolling", metric="kubernetes.containers.state.terminated", query="max(last_5m):max:kubernetes.containers.state.terminated{reason:oomkilled,kube_deployment:tolling} > 0", event_type="metric_alert_monitor", status="kubernetes.containers.state.terminated over kube_deployment:tolling was > 0.0 during the last 5m", text="A tolling container was OOMKilled on {n} pods (limit 1Gi)."),),
        classes=(8,)),
    # A process check on the plate reader's OCR sidecar.
    Bug("tb-ocr-process-down", "anpr", (),
        (see("datadog.process", 2, monitor="ocr-sidecar process down", scope="host:anpr-node-{idx}", team="anpr", event_type="service_check", status="process.up over host:anpr-node-{idx} was CRITICAL", text="Process `tesseract-server` is not running on anpr-node-{idx}."),),
        classes=(8,)),
    # A Synthetic API test of the public toll lookup.
    Bug("tb-synthetic-lookup", "tolling", (),
        (see("datadog.synthetics", 2, monitor="[Synthetics] Toll lookup API", event_type="synthetics_alert", scope="location:aws:eu-west-1", team="tolling", text="API test **Toll lookup API** failed: status code should be 200, was 503 after {ms}ms."),),
        classes=(8,)),
]

NOISE = [
    Noise("tb-noise-deploy", "tolling", "datadog.event", {"monitor": "Deployed tolling 2026.10.3", "text": "Spinnaker deployed tolling 2026.10.3 (blue/green switch done).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("tb-noise-caddy-reload", "tolling", "splunk", {"search": "caddy - 5xx", "sourcetype": CADDY, "line": '{"level":"info","ts":{epoch},"logger":"admin.api","msg":"load complete"}'}),
]

TOLLBRIDGE = Company(
    key="t",
    name="Tollbridge",
    domain="tollbridge.example",
    sentry_org="tollbridge",
    splunk_url="https://tollbridge.splunkcloud.com",
    splunk_guid="9D3A77E0-51C2-4F19-8B6D-A4E2C90F1D38",
    datadog_org=("733108", "Tollbridge"),
    datadog_template="tollbridge",
    posthog_project=(0, ""),
    releases=("2026.10.1", "2026.10.2", "2026.10.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tollbridge-sentry-client-secret",
)
# fmt: on
