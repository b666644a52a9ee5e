"""(q) Tansy Lane, home and pet insurance: a Kotlin quote service on Ktor 2 (``quotes``, Netty,
logback's generated pattern ``%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg``), a
Java 21 policy service on Micronaut 4 (``policy``, the same pattern from Micronaut's starter),
and two Go services: a claims API on Echo 4 (``claims``, zerolog JSON with pkg/errors stacks
through ``pkgerrors.MarshalStack``) and its payout worker (``payouts``, zerolog's
ConsoleWriter without colours).

Sentry (sentry-java without a framework integration, sentry-go's Echo middleware) sees all
four; Splunk indexes every log; Datadog posts the team's envelope template (the event under
``data``) for APM monitors with ``@error.type`` and ``@error.message``, log monitors quoting
zerolog's attributes, a process check and an OOMKilled metric. No browser app, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib, jexc, jl, jv, kt, ktlib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_JAVA = ("sentry.java", "7.14.0", "maven:io.sentry:sentry")
SERVICES = {
    "quotes": Service("quotes", "java", "logback-plain", "tansy:quotes", "/var/log/containers/quotes.log", "tl_prod", 6620011, "OpenJDK 21.0.4", sdk=SDK_JAVA),
    "policy": Service("policy", "java", "logback-plain", "tansy:policy", "/var/log/containers/policy.log", "tl_prod", 6620014, "OpenJDK 21.0.4", sdk=SDK_JAVA),
    "claims": Service("claims", "go", "zerolog-json", "tansy:claims:json", "/var/log/containers/claims.log", "tl_prod", 6620017, "go go1.23.2", framework="echo", sdk=("sentry.go", "0.29.0", "go:github.com/getsentry/sentry-go")),
    "payouts": Service("payouts", "go", "zerolog-console", "tansy:payouts", "/var/log/containers/payouts.log", "tl_prod", 6620020, "go go1.23.2", sdk=("sentry.go", "0.29.0", "go:github.com/getsentry/sentry-go")),
}

Q = "com.tansylane.quotes"
P = "com.tansylane.policy"
CL = "github.com/tansy-lane/claims"
ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
GOSRC = "/usr/local/go/src/"

# Ktor 2 on Netty: a route's handler as a coroutine (oldest first).
KTOR = (
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("kotlinx.coroutines.DispatchedTask", "run", 108),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "proceed", 98, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.server.routing.Routing$executeResult$$inlined$execute$1", "invokeSuspend", 116, "Pipeline.kt"),
)
KTOR_UNHANDLED = "Unhandled: POST - {path}, User-Agent: okhttp/4.12.0"
# Micronaut 4's Netty HTTP server routing to a controller method.
MICRONAUT = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.micronaut.http.server.netty.handler.PipeliningServerHandler$MessageInboundHandler", "read", 421),
    jl("io.micronaut.http.server.RouteExecutor", "executeRouteAndConvertBody", 499),
    jl("io.micronaut.core.execution.ExecutionFlow", "map", 76),
    jl("io.micronaut.web.router.AbstractRouteMatch", "execute", 289),
)
MICRONAUT_SCHEDULED = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "runAndReset", 328),
    jl("io.micronaut.scheduling.processor.ScheduledMethodProcessor", "lambda$scheduleTask$2", 252),
)
UNHANDLED_POLICY = "Unexpected error occurred: <exc>"
# Echo 4 serving a request through its Recover and request-id middleware.
ECHO_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/labstack/echo/v4", "(*Echo).ServeHTTP", ECHO + "echo.go", 674),
    golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1", ECHO + "middleware/recover.go", 131),
    golib("github.com/labstack/echo/v4/middleware", "RequestIDWithConfig.func1.1", ECHO + "middleware/request_id.go", 71),
)


def ktr(cls: str, method: str, line: int, file: str) -> Frame:
    """A frame of a Kotlin file's top-level lambda: the class is ``<File>Kt$…``."""
    return Frame(method, file, line, cls, True)


def handler(name: str, file: str, line: int) -> Frame:
    return go(CL + "/internal/http", f"(*Handler).{name}", f"/src/internal/http/{file}", line)


def worker(name: str, file: str, line: int) -> Frame:
    return go(CL + "/internal/payout", name, f"/src/internal/payout/{file}", line)


# The payout loop: every step runs under one function that reports the failure.
PAYOUT_LOOP = (
    go(CL + "/cmd/payouts", "main", "/src/cmd/payouts/main.go", 41),
    worker("(*Runner).Run", "runner.go", 58),
    worker("(*Runner).tick", "runner.go", 77),
)

BUGS = [
    # One ArithmeticException (Non-terminating decimal expansion) in Kotlin and in Java.
    Bug(
        "tl-quote-premium-divide",
        "quotes",
        (
            jexc(
                "java.lang.ArithmeticException",
                "Non-terminating decimal expansion; no exact representable decimal result.",
                (
                    *KTOR,
                    ktr(Q + ".routes.QuoteRoutesKt$quoteRoutes$1$1", "invokeSuspend", 42, "QuoteRoutes.kt"),
                    kt(Q + ".pricing.PremiumCalculator", "monthly", 67),
                    jl("java.math.BigDecimal", "divide", 1780),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", team="quotes", monitor="quotes error spans by type"),
        ),
        classes=(4,),
        pair="tl-policy-refund-divide",
        log=KTOR_UNHANDLED,
        logger="io.ktor.server.application.Application",
        entry="POST /v1/quotes/{quote_id}/price",
        span=2,
    ),
    Bug(
        "tl-policy-refund-divide",
        "policy",
        (
            jexc(
                "java.lang.ArithmeticException",
                "Non-terminating decimal expansion; no exact representable decimal result.",
                (
                    *MICRONAUT,
                    jv(P + ".web.CancellationController", "cancel", 58),
                    jv(P + ".billing.ProRata", "refundFor", 33),
                    jl("java.math.BigDecimal", "divide", 1780),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="default-nioEventLoopGroup-1-{idx}"),
            see("datadog.apm", style="message", team="policy", monitor="policy error spans by type"),
        ),
        classes=(4,),
        pair="tl-quote-premium-divide",
        log=UNHANDLED_POLICY,
        logger="io.micronaut.http.server.RouteExecutor",
        entry="POST /policies/{policy_id}/cancel",
    ),
    # A lateinit property read before the breed catalogue loaded; the same for the postcode index.
    Bug(
        "tl-quote-breeds-lateinit",
        "quotes",
        (
            jexc(
                "kotlin.UninitializedPropertyAccessException",
                "lateinit property breeds has not been initialized",
                (
                    *KTOR,
                    ktr(Q + ".routes.PetRoutesKt$petRoutes$2$1", "invokeSuspend", 28, "PetRoutes.kt"),
                    kt(Q + ".pets.BreedCatalogue", "riskBand", 44),
                    kt(Q + ".pets.BreedCatalogue", "getBreeds", 19),
                    ktlib("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 83, "Intrinsics.java"),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="quotes unhandled errors", team="quotes", filter="service:quotes status:error", text="quotes logged an unhandled error:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(9,),
        pair="tl-quote-postcodes-lateinit",
        log=KTOR_UNHANDLED,
        logger="io.ktor.server.application.Application",
        entry="POST /v1/quotes/{quote_id}/pet",
    ),
    Bug(
        "tl-quote-postcodes-lateinit",
        "quotes",
        (
            jexc(
                "kotlin.UninitializedPropertyAccessException",
                "lateinit property postcodes has not been initialized",
                (
                    *KTOR,
                    ktr(Q + ".routes.HomeRoutesKt$homeRoutes$1$1", "invokeSuspend", 36, "HomeRoutes.kt"),
                    kt(Q + ".home.FloodRisk", "bandFor", 52),
                    kt(Q + ".home.FloodRisk", "getPostcodes", 21),
                    ktlib("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 83, "Intrinsics.java"),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="New issue in quotes"),
            see("splunk", 2),
            see("datadog.log", monitor="quotes unhandled errors", team="quotes", filter="service:quotes status:error", text="quotes logged an unhandled error:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(9,),
        pair="tl-quote-breeds-lateinit",
        log=KTOR_UNHANDLED,
        logger="io.ktor.server.application.Application",
        entry="POST /v1/quotes/{quote_id}/home",
    ),
    # Micronaut Data's EmptyResultException from a scheduled renewal job, renamed later.
    Bug(
        "tl-renewal-empty-result",
        "policy",
        (
            jexc(
                "io.micronaut.data.exceptions.EmptyResultException",
                "Query produced no result",
                (
                    *MICRONAUT_SCHEDULED,
                    jv(P + ".renewals.RenewalJob", "run", 27),
                    jv(P + ".renewals.RenewalService", "renewDue", 61),
                    jv(P + ".renewals.RenewalService", "priceFor", 88),
                    jl("io.micronaut.data.runtime.intercept.DefaultFindOneInterceptor", "intercept", 48),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3, thread="scheduled-executor-thread-{idx}"),
        ),
        classes=(5,),
        log="Error invoking scheduled task for bean [" + P + ".renewals.RenewalJob@{hex}] Query produced no result",
        logger="io.micronaut.scheduling.processor.ScheduledMethodProcessor",
        entry="RenewalJob.run",
        span=3,
        renames={"renewDue": "renewDuePolicies"},
    ),
    # A Go index out of range in two Echo handlers.
    Bug(
        "tl-claims-photo-index",
        "claims",
        (
            Exc(
                "runtime.boundsError",
                "runtime error: index out of range [{idx}] with length {idx}",
                (*ECHO_HTTP, handler("UploadPhotos", "photos.go", 64), go(CL + "/internal/media", "primaryOf", "/src/internal/media/primary.go", 18)),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="panic recovered", stack=False),
            see("datadog.log", monitor="claims panics", team="claims", filter="service:claims @message:\"panic recovered\"", text="claims recovered a panic: {{log.attributes.error}} ({{log.attributes.method}} {{log.attributes.uri}})"),
        ),
        classes=(4,),
        pair="tl-claims-vet-index",
        entry="POST /v1/claims/{claim_id}/photos",
    ),
    Bug(
        "tl-claims-vet-index",
        "claims",
        (
            Exc(
                "runtime.boundsError",
                "runtime error: index out of range [{idx}] with length {idx}",
                (*ECHO_HTTP, handler("VetInvoice", "vet.go", 39), go(CL + "/internal/vet", "lineItems", "/src/internal/vet/invoice.go", 72)),
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2, msg="panic recovered", stack=False),
            see("datadog.log", monitor="claims panics", team="claims", filter="service:claims @message:\"panic recovered\"", text="claims recovered a panic: {{log.attributes.error}} ({{log.attributes.method}} {{log.attributes.uri}})"),
        ),
        classes=(4,),
        pair="tl-claims-photo-index",
        entry="POST /v1/claims/{claim_id}/vet-invoice",
    ),
    # pkg/errors from two repositories: the same "not found" wording, two tables.
    Bug(
        "tl-claims-policy-notfound",
        "claims",
        (
            Exc("*errors.fundamental", "policy not found", (*ECHO_HTTP, handler("CreateClaim", "claims.go", 51), go(CL + "/internal/store", "(*Policies).Get", "/src/internal/store/policies.go", 40))),
            Exc("*errors.withMessage", "create claim: policy not found"),
            Exc("*errors.withStack", "create claim: policy not found", (*ECHO_HTTP, handler("CreateClaim", "claims.go", 53))),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="create claim failed"),
            see("datadog.log", monitor="claims errors by message", team="claims", filter="service:claims status:error", text="claims: `{{log.attributes.message}}`\n\nerror: {{log.attributes.error}}"),
        ),
        classes=(4,),
        pair="tl-claims-excess-notfound",
        log="create claim failed",
        entry="POST /v1/claims",
    ),
    Bug(
        "tl-claims-excess-notfound",
        "claims",
        (
            Exc("*errors.fundamental", "excess schedule not found", (*ECHO_HTTP, handler("Assess", "assess.go", 29), go(CL + "/internal/store", "(*Excesses).ForPolicy", "/src/internal/store/excess.go", 33))),
            Exc("*errors.withMessage", "assess claim: excess schedule not found"),
            Exc("*errors.withStack", "assess claim: excess schedule not found", (*ECHO_HTTP, handler("Assess", "assess.go", 31))),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="assess claim failed"),
            see("datadog.log", monitor="claims errors by message", team="claims", filter="service:claims status:error", text="claims: `{{log.attributes.message}}`\n\nerror: {{log.attributes.error}}"),
        ),
        classes=(4,),
        pair="tl-claims-policy-notfound",
        log="assess claim failed",
        entry="POST /v1/claims/{claim_id}/assess",
    ),
    # The payout loop reports every step's failure from one place: two bugs, one helper.
    Bug(
        "tl-payout-bank-deadline",
        "payouts",
        (
            Exc("context.deadlineExceededError", "context deadline exceeded"),
            Exc("*url.Error", 'Post "https://api.openbank.example/v2/payments": context deadline exceeded'),
            Exc("*fmt.wrapError", 'send payment {uuid}: Post "https://api.openbank.example/v2/payments": context deadline exceeded', (*PAYOUT_LOOP, worker("(*Runner).report", "runner.go", 112))),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="payout step failed", stack=False),
            see("datadog.log", monitor="payout step failures", team="claims", filter="service:payouts status:error", text="Payout step failed: {{log.attributes.error}}"),
        ),
        classes=(9,),
        pair="tl-payout-iban-invalid",
        log="payout step failed",
    ),
    Bug(
        "tl-payout-iban-invalid",
        "payouts",
        (
            Exc("*iban.ValidationError", "iban: invalid check digits"),
            Exc("*fmt.wrapError", "validate payee {user}: iban: invalid check digits", (*PAYOUT_LOOP, worker("(*Runner).report", "runner.go", 112))),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="payout step failed", stack=False),
            see("datadog.log", monitor="payout step failures", team="claims", filter="service:payouts status:error", text="Payout step failed: {{log.attributes.error}}"),
        ),
        classes=(9,),
        pair="tl-payout-bank-deadline",
        log="payout step failed",
    ),
    # A nil map write in the fraud scorer: panics under Sentry, the ConsoleWriter's line.
    Bug(
        "tl-claims-fraud-nil-map",
        "claims",
        (
            Exc(
                "runtime.plainError",
                "assignment to entry in nil map",
                (*ECHO_HTTP, handler("Score", "fraud.go", 22), go(CL + "/internal/fraud", "(*Scorer).addSignal", "/src/internal/fraud/scorer.go", 95)),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, format="zerolog-console", msg="panic recovered", stack=False),
            see("datadog.apm", style="type", team="claims", monitor="claims error spans by type"),
        ),
        entry="POST /v1/claims/{claim_id}/score",
    ),
    # A Micronaut HTTP client read timeout to the underwriter: seen by everyone.
    Bug(
        "tl-policy-underwriter-timeout",
        "policy",
        (
            jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", "Read Timeout", (*MICRONAUT, jv(P + ".web.BindController", "bind", 44), jv(P + ".underwriting.UnderwriterClient$Intercepted", "refer", 31), jl("io.micronaut.http.client.netty.DefaultHttpClient", "lambda$exchange$11", 1116))),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="default-nioEventLoopGroup-1-{idx}"),
            see("datadog.apm", style="message", team="policy", monitor="policy error spans by type"),
            see("datadog.log", monitor="policy errors", team="policy", filter="service:policy status:error", text="policy logged:\n\n```\n{{log.message}}\n```"),
        ),
        log=UNHANDLED_POLICY,
        logger="io.micronaut.http.server.RouteExecutor",
        entry="POST /policies/{policy_id}/bind",
    ),
    # Warnings whose sizes, durations and hosts vary in length.
    Bug(
        "tl-documents-upload-slow",
        "policy",
        (),
        (
            see("splunk", 3, search="policy - slow uploads", line="{gts}.412 [io-executor-thread-{idx}] WARN  c.t.policy.documents.Uploader - Uploaded {size} to {objstore} in {dur}"),
            see("datadog.log", 2, monitor="Slow document uploads", team="policy", filter="service:policy @logger_name:*Uploader status:warn", text="Uploaded {size} to {objstore} in {dur}"),
        ),
        classes=(7,),
    ),
    # Problems no bug names: a process check and an OOMKilled metric.
    Bug(
        "tl-payouts-process-down",
        "payouts",
        (),
        (
            see("datadog.process", 2, monitor="payouts process", event_type="service_check", scope="host:payouts-01,process:payouts", team="claims", status="process.up over host:payouts-01,process:payouts was CRITICAL", text="Process check `payouts` is CRITICAL on host payouts-01: 0 processes found (expected 1)."),
        ),
        classes=(8,),
    ),
    Bug(
        "tl-quotes-oomkilled",
        "quotes",
        (),
        (
            see("datadog.metric", 2, monitor="quotes OOMKilled", scope="kube_deployment:quotes", team="quotes", metric="kubernetes.containers.state.terminated", query="max(last_10m):max:kubernetes.containers.state.terminated{reason:oomkilled,kube_deployment:quotes} >= 1", event_type="metric_alert_monitor", status="kubernetes.containers.state.terminated over kube_deployment:quotes was >= 1.0 at least once during the last 10m", text="A quotes container was OOMKilled (limit 768Mi). Restarts in the last hour: {n}."),
        ),
        classes=(8,),
    ),
]

NOISE = [
    Noise(
        "tl-noise-deploy",
        "claims",
        "datadog.event",
        {
            "monitor": "Deployed claims v3.8.0",
            "text": "Flux reconciled claims v3.8.0 (3/3 pods ready).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "tl-noise-ktor-start",
        "quotes",
        "splunk",
        {
            "search": "quotes - errors",
            "line": "{gts}.201 [main] INFO  ktor.application - Responding at http://0.0.0.0:8080",
        },
    ),
]

TANSY = Company(
    key="q",
    name="Tansy Lane",
    domain="tansylane.example",
    sentry_org="tansy-lane",
    splunk_url="https://tansylane.splunkcloud.com",
    splunk_guid="A43F0D7E-1B9C-4E26-8D5A-6F2C7B19E084",
    datadog_org=("813540", "Tansy Lane Insurance"),
    datadog_template="tansy",
    posthog_project=(0, ""),
    releases=("3.7.0", "3.7.1", "3.8.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tansy-sentry-client-secret",
)
# fmt: on
