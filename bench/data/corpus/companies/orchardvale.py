"""(l) Orchard & Vale, motor and home insurance: a quotes service on Spring Boot 3 / Java 21
logging through log4j2 (``quotes``, spring-boot-starter-log4j2 with Spring Boot's default
console pattern, and a Spring Batch job that imports brokers' bordereaux), a claims service in
Kotlin on Spring Boot (``claims``, logstash-logback-encoder JSON), a Kotlin Android claims app
(``claims-app``, sentry-android) and an Angular broker portal (``broker-portal``, esbuild
chunks under zone.js).

Sentry for every service (java, the Android app as java with the Android SDK, javascript with
``@sentry/angular``); PostHog error tracking in the broker portal only; Splunk indexes the
quotes service's text log, the claims JSON and a stats search; Datadog posts a team's
template with names of its own (``summary``, ``message`` the plain text) for log, APM and job
monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import SCHEDULED, TOMCAT, jexc, jl, js, jv, kt

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("com.orchardvale.claims@4.7.0+4070", "com.orchardvale.claims@4.7.1+4071", "com.orchardvale.claims@4.8.0+4080", "com.orchardvale.claims@4.8.1+4081")
SERVICES = {
    "quotes": Service("quotes", "java", "logback", "orchardvale:spring:text", "/opt/orchardvale/quotes/logs/quotes.log", "ov_prod", 8450011, "OpenJDK 21.0.4", framework="HandlerExceptionResolver"),
    "claims": Service("claims", "java", "logstash", "orchardvale:claims:json", "/var/log/containers/claims.log", "ov_prod", 8450014, "OpenJDK 21.0.4", framework="HandlerExceptionResolver"),
    "claims-app": Service("claims-app", "java", "", "", "", "", 8450017, framework="UncaughtExceptionHandler", sdk=("sentry.java.android", "7.14.0", "maven:io.sentry:sentry-android-core"), releases=APP_RELEASES),
    "broker-portal": Service("broker-portal", "javascript", "", "", "", "", 8450020, origin="https://brokers.orchardvale.example", framework="onerror", sdk=("sentry.javascript.angular", "8.26.0", "npm:@sentry/angular")),
}

QT = "com.orchardvale.quotes"
CL = "com.orchardvale.claims"
APP = "com.orchardvale.claims.app"

# BigDecimal.divide without a MathContext on a repeating quotient.
BIGDECIMAL_DIVIDE = jl("java.math.BigDecimal", "divide", 1780)
NON_TERMINATING = "Non-terminating decimal expansion; no exact representable decimal result."
# Spring Data JPA's optimistic-lock translation over Hibernate's StaleObjectStateException.
JPA_SAVE = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 629),
    jl("org.hibernate.internal.SessionImpl", "merge", 1395),
    jl("org.hibernate.event.internal.DefaultMergeEventListener", "entityIsDetached", 451),
)
# The Android main thread delivering a fragment lifecycle callback (oldest first).
ANDROID_MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 957),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("android.app.ActivityThread", "main", 8762),
    jl("android.os.Looper", "loop", 317),
    jl("android.os.Looper", "loopOnce", 232),
    jl("android.os.Handler", "dispatchMessage", 106),
    jl("androidx.fragment.app.FragmentStateManager", "moveToExpectedState", 1453),
)
FRAGMENT_VIEW = (*ANDROID_MAIN, jl("androidx.fragment.app.FragmentStateManager", "createView", 557), jl("androidx.fragment.app.Fragment", "performViewCreated", 3128))
FRAGMENT_RESUME = (*ANDROID_MAIN, jl("androidx.fragment.app.FragmentStateManager", "resume", 898), jl("androidx.fragment.app.Fragment", "performResume", 3183))
LATEINIT = jl("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 23)
# Angular's zone running a click listener (esbuild puts zone.js and the core in the main chunk).
ZONE = "node_modules/zone.js/fesm2015/zone.js"
NG_CLICK = (
    js(ZONE, "HTMLButtonElement.globalZoneAwareCallback", 1720, 22, "main", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 461, 22, "main", lib=True),
    js(ZONE, "_ZoneDelegate.invokeTask", 424, 31, "main", lib=True),
    js("node_modules/@angular/core/fesm2022/core.mjs", "wrapListenerIn_markDirtyAndPreventDefault", 27126, 22, "main", lib=True),
)
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 399, 26, "main", lib=True),
    js("node_modules/@angular/core/fesm2022/core.mjs", "detectChangesInView", 13254, 9, "main", lib=True),
    js("node_modules/@angular/core/fesm2022/core.mjs", "executeTemplate", 12051, 9, "main", lib=True),
)

API_FAILED = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
DISPATCHER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
STEP_FAILED = "Encountered an error executing step importBordereau in job bordereauImportJob"
STEP_LOGGER = "org.springframework.batch.core.step.AbstractStep"
CLAIMS_HANDLER = f"{CL}.web.ApiExceptionHandler"


def stale(entity: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """Hibernate's stale state, translated by Spring into its optimistic-locking failure."""
    row = f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [{CL}.model.{entity}#{{id}}]"
    return (
        jexc("org.hibernate.StaleObjectStateException", row, (*TOMCAT, *app, *JPA_SAVE)),
        jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [{CL}.model.{entity}#{{id}}]", (*TOMCAT, *app, JPA_SAVE[0])),
    )


BUGS = [
    # One BigDecimal division in two services' code: only the location differs.
    Bug(
        "ov-instalment-nonterminating",
        "quotes",
        (
            jexc("java.lang.ArithmeticException", NON_TERMINATING, (
                *TOMCAT,
                jv(f"{QT}.web.QuoteController", "instalments", 88),
                jv(f"{QT}.pricing.PremiumCalculator", "monthlyInstalment", 57),
                BIGDECIMAL_DIVIDE,
            )),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", style="stack", monitor="quotes errors by kind", team="pricing"),
        ),
        classes=(4,),
        pair="ov-refund-nonterminating",
        log=API_FAILED,
        logger=DISPATCHER,
        entry="GET /api/quotes/{quote_id}/instalments",
    ),
    Bug(
        "ov-refund-nonterminating",
        "claims",
        (
            jexc("java.lang.ArithmeticException", NON_TERMINATING, (
                *TOMCAT,
                kt(f"{CL}.web.CancellationController", "cancel", 41),
                kt(f"{CL}.policy.CancellationService", "prorataRefund", 73),
                BIGDECIMAL_DIVIDE,
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="claims errors by kind", team="claims"),
        ),
        classes=(4,),
        pair="ov-instalment-nonterminating",
        log="Unhandled exception on POST /api/policies/{id}/cancel",
        logger=CLAIMS_HANDLER,
        entry="POST /api/policies/{policy_id}/cancel",
    ),
    # Collectors.toMap over a rating table with a repeated key, over three releases.
    Bug(
        "ov-rating-duplicate-key",
        "quotes",
        (
            jexc("java.lang.IllegalStateException", "Duplicate key MOTOR_NCD_5 (attempted merging values RatingFactor[code=MOTOR_NCD_5, weight=0.62] and RatingFactor[code=MOTOR_NCD_5, weight=0.60])", (
                *TOMCAT,
                jv(f"{QT}.web.QuoteController", "create", 52),
                jv(f"{QT}.pricing.QuoteEngine", "price", 119),
                jv(f"{QT}.rating.RatingTableLoader", "factorsFor", 64),
                jl("java.util.stream.ReferencePipeline", "collect", 682),
                jl("java.util.stream.ReduceOps$3ReducingSink", "accept", 169),
                jl("java.util.stream.Collectors", "lambda$uniqKeysMapAccumulator$1", 180),
                jl("java.util.stream.Collectors", "duplicateKeyException", 135),
            )),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2),
            see("splunk", root_first=True),
            see("datadog.apm", style="message", team="pricing"),
        ),
        classes=(5,),
        log=API_FAILED,
        logger=DISPATCHER,
        entry="POST /api/quotes",
        span=3,
        renames={"create": "createQuote"},
    ),
    # Two unknown enum names from two columns: the innermost frame is Enum.valueOf in both.
    Bug(
        "ov-claim-status-enum",
        "claims",
        (
            jexc("java.lang.IllegalArgumentException", f"No enum constant {CL}.model.ClaimStatus.AWAITING_ADJUSTER", (
                *TOMCAT,
                kt(f"{CL}.web.ClaimController", "get", 36),
                kt(f"{CL}.persistence.ClaimStatusConverter", "convertToEntityAttribute", 14),
                jl(f"{CL}.model.ClaimStatus", "valueOf", 1),
                jl("java.lang.Enum", "valueOf", 293),
            )),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="claims errors by kind", team="claims"),
        ),
        classes=(9,),
        pair="ov-peril-code-enum",
        log="Unhandled exception on GET /api/claims/{id}",
        logger=CLAIMS_HANDLER,
        entry="GET /api/claims/{claim_id}",
    ),
    Bug(
        "ov-peril-code-enum",
        "claims",
        (
            jexc("java.lang.IllegalArgumentException", f"No enum constant {CL}.model.Peril.ESCAPE_OF_OIL", (
                *TOMCAT,
                kt(f"{CL}.web.FnolController", "submit", 58),
                kt(f"{CL}.fnol.PerilMapper", "fromBrokerCode", 22),
                jl(f"{CL}.model.Peril", "valueOf", 1),
                jl("java.lang.Enum", "valueOf", 293),
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.apm", style="type", team="claims"),
        ),
        classes=(9,),
        pair="ov-claim-status-enum",
        log="Unhandled exception on POST /api/fnol",
        logger=CLAIMS_HANDLER,
        entry="POST /api/fnol",
    ),
    # Optimistic locking on two entities: the entity named in the message is the bug.
    Bug(
        "ov-claim-stale",
        "claims",
        stale("Claim", (kt(f"{CL}.web.ClaimController", "assignAdjuster", 71), kt(f"{CL}.claims.ClaimService", "assign", 48))),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", half=8),
            see("datadog.log", style="kind", monitor="claims errors by kind", team="claims"),
        ),
        classes=(4,),
        pair="ov-payment-stale",
        log="Unhandled exception on PUT /api/claims/{id}/adjuster",
        logger=CLAIMS_HANDLER,
        entry="PUT /api/claims/{claim_id}/adjuster",
    ),
    Bug(
        "ov-payment-stale",
        "claims",
        stale("ClaimPayment", (kt(f"{CL}.web.PaymentController", "approve", 29), kt(f"{CL}.payments.PaymentService", "approve", 83))),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
        ),
        classes=(4,),
        pair="ov-claim-stale",
        log="Unhandled exception on POST /api/payments/{id}/approve",
        logger=CLAIMS_HANDLER,
        entry="POST /api/payments/{payment_id}/approve",
    ),
    # The bordereau import: a scheduled Spring Batch job, its monitor naming only the job.
    Bug(
        "ov-bordereau-parse",
        "quotes",
        (
            jexc("java.lang.NumberFormatException", 'Character array is missing "exponent" mark \'e\' or \'E\'.', (
                *SCHEDULED,
                jv(f"{QT}.batch.FieldSetMappers$Bordereau", "mapFieldSet", 44),
                jl("org.springframework.batch.item.file.transform.DefaultFieldSet", "readBigDecimal", 399),
                jl("java.math.BigDecimal", "<init>", 608),
            )),
            jexc("org.springframework.batch.item.file.FlatFileParseException", 'Parsing error at line: {line} in resource=[file [/data/inbound/bordereau-{week}.csv]], input=[BRK-{id},MOTOR,2026-03-01,"1,204.50",GBP]', (
                *SCHEDULED,
                jv(f"{QT}.batch.BordereauJobLauncher", "runNightly", 31),
                jl("org.springframework.batch.core.launch.support.TaskExecutorJobLauncher", "run", 162),
                jl("org.springframework.batch.core.step.tasklet.TaskletStep", "doExecute", 255),
                jl("org.springframework.batch.item.file.FlatFileItemReader", "doRead", 196),
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="scheduling-1"),
            see("datadog.task", 2, team="pricing"),
        ),
        log=STEP_FAILED,
        logger=STEP_LOGGER,
        entry="BordereauJobLauncher.runNightly",
    ),
    # The vehicle lookup times out: APM monitors by type only, Sentry, the log.
    Bug(
        "ov-vehicle-lookup-timeout",
        "quotes",
        (
            jexc("java.net.SocketTimeoutException", "Read timed out", (
                *TOMCAT,
                jv(f"{QT}.web.QuoteController", "create", 49),
                jv(f"{QT}.vehicle.VehicleLookupClient", "byRegistration", 38),
                jl("org.springframework.web.client.RestTemplate", "doExecute", 858),
                jl("sun.nio.ch.NioSocketImpl", "timedRead", 278),
            )),
            jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on GET request for "https://vehicle-data.partner.example/v2/vehicles/{plate}": Read timed out', (
                *TOMCAT,
                jv(f"{QT}.web.QuoteController", "create", 49),
                jv(f"{QT}.vehicle.VehicleLookupClient", "byRegistration", 38),
                jl("org.springframework.web.client.RestTemplate", "doExecute", 864),
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.apm", style="type", team="pricing"),
            see("datadog.apm", style="route", team="pricing"),
        ),
        log=API_FAILED,
        logger=DISPATCHER,
        entry="POST /api/quotes",
    ),
    # The Android app: two lateinit properties read too early in two fragments.
    Bug(
        "ov-app-camera-lateinit",
        "claims-app",
        (
            Exc("UninitializedPropertyAccessException", "lateinit property cameraProvider has not been initialized", (
                *FRAGMENT_RESUME,
                kt(f"{APP}.photos.ClaimPhotoFragment", "onResume", 84),
                kt(f"{APP}.photos.ClaimPhotoFragment", "bindPreview", 131),
                LATEINIT,
            ), module="kotlin"),
        ),
        (
            see("sentry.error", 3),
            see("sentry.issue"),
            see("sentry.alert", rule="Claims app crashes"),
        ),
        classes=(4, 9),
        pair="ov-app-binding-lateinit",
    ),
    Bug(
        "ov-app-binding-lateinit",
        "claims-app",
        (
            Exc("UninitializedPropertyAccessException", "lateinit property binding has not been initialized", (
                *FRAGMENT_VIEW,
                kt(f"{APP}.fnol.IncidentDetailsFragment", "onViewCreated", 47),
                kt(f"{APP}.fnol.IncidentDetailsFragment", "renderVehicle", 102),
                LATEINIT,
            ), module="kotlin"),
        ),
        (
            see("sentry.error", 3),
            see("sentry.alert", rule="Claims app crashes"),
        ),
        classes=(4, 9),
        pair="ov-app-camera-lateinit",
    ),
    # A fragment used after it was detached, over releases with a renamed caller.
    Bug(
        "ov-app-fragment-detached",
        "claims-app",
        (
            jexc("java.lang.IllegalStateException", "Fragment ClaimSummaryFragment{" + "{hex}" + "} ({uuid}) not attached to a context.", (
                *ANDROID_MAIN[:6],
                jl("android.os.Handler", "handleCallback", 959),
                kt(f"{APP}.summary.ClaimSummaryFragment", "onStatusLoaded$lambda$3", 96),
                kt(f"{APP}.summary.ClaimSummaryFragment", "onStatusLoaded", 112),
                jl("androidx.fragment.app.Fragment", "requireContext", 972),
            )),
        ),
        (
            see("sentry.error", 4),
            see("sentry.issue"),
        ),
        classes=(5,),
        span=3,
        renames={"onStatusLoaded": "renderStatus", "onStatusLoaded$lambda$3": "renderStatus$lambda$3"},
    ),
    # The broker portal: one read of undefined in three engines' words, over two builds.
    Bug(
        "ov-portal-excess-undefined",
        "broker-portal",
        (
            Exc(
                "TypeError",
                frames=(
                    *NG_RENDER,
                    js("src/app/quotes/quote-summary/quote-summary.component.html", "QuoteSummaryComponent_Template", 14, 41, "quotes"),
                    js("src/app/quotes/quote-summary/quote-summary.component.ts", "QuoteSummaryComponent.totalExcess", 38, 32, "quotes"),
                ),
                js=JsError("read-undefined", "this.quote.cover", "voluntaryExcess"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", release=0, chunk="quotes"),
            see("posthog", browser="edge", release=1, chunk="quotes"),
            see("posthog", browser="firefox", release=1, chunk="quotes"),
            see("posthog", browser="safari", release=0, resolved=True, chunk="quotes"),
            see("sentry.error", release=0),
            see("sentry.error", raw=True, release=1),
            see("sentry.issue"),
        ),
        classes=(3,),
        page="/quotes/Q-88120",
        span=2,
    ),
    # Two buttons pass an unparsed date to one formatter: Invalid time value in three wordings.
    Bug(
        "ov-portal-renewal-date",
        "broker-portal",
        (
            Exc("RangeError", "Invalid time value", (
                *NG_CLICK,
                js("src/app/renewals/renewal-list.component.ts", "RenewalListComponent.exportCsv", 61, 22, "renewals"),
                js("src/app/shared/dates.ts", "toIsoDay", 9, 31, "renewals"),
            ), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="renewals"),
            see("posthog", browser="firefox", chunk="renewals"),
            see("posthog", browser="safari", chunk="renewals"),
            see("sentry.error", browser="chrome"),
        ),
        classes=(3, 9),
        pair="ov-portal-mta-date",
        page="/renewals",
    ),
    Bug(
        "ov-portal-mta-date",
        "broker-portal",
        (
            Exc("RangeError", "Invalid time value", (
                *NG_CLICK,
                js("src/app/policies/adjustment-form.component.ts", "AdjustmentFormComponent.submit", 88, 27, "policies"),
                js("src/app/shared/dates.ts", "toIsoDay", 9, 31, "policies"),
            ), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),
        ),
        (
            see("posthog", browser="chrome", chunk="policies"),
            see("posthog", browser="edge", chunk="policies"),
            see("posthog", browser="safari", resolved=True, chunk="policies"),
            see("sentry.error", browser="firefox"),
            see("sentry.issue"),
        ),
        classes=(3, 9),
        pair="ov-portal-renewal-date",
        page="/policies/P-20931/adjust",
    ),
    # A stats search over the claims API's 5xx, and the claims monitor by endpoint.
    Bug(
        "ov-claims-documents-5xx",
        "claims",
        (
            jexc("org.springframework.web.multipart.MaxUploadSizeExceededException", "Maximum upload size exceeded", (
                *TOMCAT[:14],
                jl("org.springframework.web.multipart.support.StandardMultipartHttpServletRequest", "handleParseFailure", 121),
            )),
        ),
        (
            see("splunk", 2, search="claims - 5xx by endpoint (15 min)", stats={"uri": "/api/claims/*/documents", "status": "500", "count": "{n}", "exception": "MaxUploadSizeExceededException"}),
            see("sentry.error", 2),
            see("datadog.apm", style="route", team="claims"),
        ),
        classes=(10,),
        log="Unhandled exception on POST /api/claims/{id}/documents",
        logger=CLAIMS_HANDLER,
        entry="POST /api/claims/{claim_id}/documents",
    ),
    # Rating tables fetched nightly: sizes, durations, hosts with and without ports.
    Bug(
        "ov-rating-download-slow",
        "quotes",
        (),
        (
            see("splunk", 3, search="quotes - slow rating downloads", line="{tsms}  WARN 1 --- [quotes] [   scheduling-1] c.o.q.rating.RatingTableDownloader       : Rating table download from {acquirer} took {dur} for {size}"),
            see("datadog.log", 2, monitor="Slow rating table downloads", filter="service:quotes status:warn logger_name:*RatingTableDownloader", team="pricing", text="Rating table downloads are slow. Sample: Rating table download from {acquirer} took {dur} for {size}"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "ov-noise-deploy",
        "quotes",
        "datadog.event",
        {
            "monitor": "Deployed quotes 3.18.0 to prod",
            "text": "Jenkins deploy finished: quotes 3.18.0 (4/4 instances healthy).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "ov-noise-started",
        "quotes",
        "splunk",
        {
            "search": "quotes - errors",
            "line": "{tsms}  INFO 1 --- [quotes] [           main] c.o.quotes.QuotesApplication             : Started QuotesApplication in 14.82 seconds (process running for 16.1)",
        },
    ),
    Noise(
        "ov-noise-cert",
        "claims",
        "datadog.metric",
        {
            "monitor": "TLS certificate for claims.orchardvale.example expires in 14 days",
            "scope": "host:claims.orchardvale.example",
            "text": "The certificate for claims.orchardvale.example expires in 14 days.",
            "query": "min(last_1h):min:tls.days_left{service:claims} by {host} < 21",
            "metric": "tls.days_left",
            "priority": "P4",
        },
    ),
]

ORCHARDVALE = Company(
    key="l",
    name="Orchard & Vale",
    domain="orchardvale.example",
    sentry_org="orchard-vale",
    splunk_url="https://orchardvale.splunkcloud.com",
    splunk_guid="E9D3A1C7-5B28-4F60-A4E2-71C0B8D95F3A",
    datadog_org=("633904", "Orchard & Vale"),
    datadog_template="own",
    posthog_project=(61402, "Orchard & Vale brokers"),
    releases=("3.17.0", "3.18.0", "3.18.1", "3.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="orchardvale-sentry-client-secret",
)
# fmt: on
