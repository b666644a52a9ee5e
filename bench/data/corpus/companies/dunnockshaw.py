"""(dz) Dunnockshaw Surveys, building surveys booked by homebuyers: one Kotlin Spring Boot 3
MVC application on Tomcat with two faces: the REST API the partner portals call
(``survey-api``) and the Vaadin Flow 24 back office the surveyors' coordinators use
(``survey-office``), deployed as two Kubernetes deployments of one image.

Sentry: sentry-spring-boot-starter-jakarta. Splunk: the containers' stdout (Spring Boot's
default console pattern) through Splunk Connect for Kubernetes. Datadog: dd-java-agent APM
monitors and log monitors pasting samples. No PostHog (Vaadin renders on the server).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    JPA_SAVE,
    JPA_TRANSLATE,
    PGJDBC_UPDATE,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    kt,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.18.1", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "survey-api": Service("survey-api", "java", "logback", "kube:container:survey-api", "/var/log/containers/survey-api.log", "dz_k8s", 5530011, "OpenJDK 21.0.5", framework="HandlerExceptionResolver", sdk=SDK),
    "survey-office": Service("survey-office", "java", "logback", "kube:container:survey-office", "/var/log/containers/survey-office.log", "dz_k8s", 5530014, "OpenJDK 21.0.5", framework="logback", sdk=SDK),
}
PKG = "com.dunnockshaw.surveys"

# Vaadin Flow 24 dispatching a click from the browser to a Kotlin listener lambda (oldest first).
VAADIN_CLICK = (
    *TOMCAT[:15],
    jl("com.vaadin.flow.server.VaadinServlet", "service", 398),
    jl("com.vaadin.flow.server.VaadinService", "handleRequest", 1544),
    jl("com.vaadin.flow.server.SynchronizedRequestHandler", "handleRequest", 40),
    jl("com.vaadin.flow.server.communication.UidlRequestHandler", "synchronizedHandleRequest", 114),
    jl("com.vaadin.flow.server.communication.ServerRpcHandler", "handleRpc", 256),
    jl("com.vaadin.flow.server.communication.ServerRpcHandler", "handleInvocations", 475),
    jl("com.vaadin.flow.server.communication.rpc.AbstractRpcInvocationHandler", "handle", 64),
    jl("com.vaadin.flow.server.communication.rpc.EventRpcHandler", "handleNode", 59),
    jl("com.vaadin.flow.internal.nodefeature.ElementListenerMap", "fireEvent", 490),
    jl("com.vaadin.flow.component.ComponentEventBus", "handleDomEvent", 493),
    jl("com.vaadin.flow.component.ComponentEventBus", "fireEventForListener", 244),
)
DISPATCHER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
ROOT_CAUSE = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
VAADIN_LOG = "com.vaadin.flow.server.DefaultErrorHandler"
UNIQUE_SQL = 'ERROR: duplicate key value violates unique constraint "{c}"\n  Detail: Key ({k})=({v}) already exists.'


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*TOMCAT, *frames)


def office(*frames: Frame) -> tuple[Frame, ...]:
    return (*VAADIN_CLICK, *frames)


def unique(constraint: str, key: str, value: str, insert: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    sql = UNIQUE_SQL.format(c=constraint, k=key, v=value)
    flush = (*app, *JPA_SAVE, jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 653), jl("org.hibernate.internal.SessionImpl", "flush", 1390), jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194))
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush + PGJDBC_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", (*app, *JPA_SAVE, *JPA_TRANSLATE)),
    )


SPL = {"search": "Dunnockshaw - JVM errors"}
DD = {"style": "sample", "monitor": "Dunnockshaw - ERROR logs with stack", "team": "surveys"}
APM = {"team": "surveys"}

BUGS = [
    # requireNotNull's message at two code locations: an API service and an office view.
    Bug("dz-schedule-required-null", "survey-api", (jexc("java.lang.IllegalStateException", "Required value was null.", api(kt(f"{PKG}.api.BookingController", "schedule", 58), *SPRING_TX_PROXY, kt(f"{PKG}.booking.SchedulingService", "schedule", 74))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dz-office-required-null", logger=DISPATCHER, log=ROOT_CAUSE, entry="POST /api/v2/bookings/{id}/schedule", span=2, renames={"schedule": "scheduleSurvey"}),
    Bug("dz-office-required-null", "survey-office", (jexc("java.lang.IllegalStateException", "Required value was null.", office(kt(f"{PKG}.office.views.AssignSurveyorView", "_init_$lambda$4", 92), kt(f"{PKG}.office.views.AssignSurveyorView", "assign", 131))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("datadog.log", 2, **DD)),
        classes=(4,), pair="dz-schedule-required-null", logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
    # Optional.get on two repositories' lookups.
    Bug("dz-surveyor-no-value", "survey-api", (jexc("java.util.NoSuchElementException", "No value present", api(kt(f"{PKG}.api.SurveyorController", "availability", 37), kt(f"{PKG}.surveyors.AvailabilityService", "forSurveyor", 29), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        classes=(4,), pair="dz-property-no-value", logger=DISPATCHER, log=ROOT_CAUSE, entry="GET /api/v2/surveyors/{id}/availability"),
    Bug("dz-property-no-value", "survey-api", (jexc("java.util.NoSuchElementException", "No value present", api(kt(f"{PKG}.api.QuoteController", "quote", 44), kt(f"{PKG}.pricing.QuoteService", "quoteFor", 52), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dz-surveyor-no-value", logger=DISPATCHER, log=ROOT_CAUSE, entry="POST /api/v2/quotes"),
    # Unique constraints of two tables.
    Bug("dz-booking-ref-dup", "survey-api", unique("bookings_partner_ref_key", "partner_id, partner_ref", "{id}, HB-{n}{idx}", "insert into bookings (address_id,partner_id,partner_ref,status,id) values (?,?,?,?,?)", api(kt(f"{PKG}.api.BookingController", "create", 33), *SPRING_TX_PROXY, kt(f"{PKG}.booking.BookingService", "create", 41))),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        classes=(4,), pair="dz-surveyor-email-dup", logger=DISPATCHER, log=ROOT_CAUSE, entry="POST /api/v2/bookings"),
    Bug("dz-surveyor-email-dup", "survey-office", unique("surveyors_email_key", "email", "{email}", "insert into surveyors (email,name,rics_number,id) values (?,?,?,?)", office(kt(f"{PKG}.office.views.SurveyorEditor", "_init_$lambda$2", 67), kt(f"{PKG}.office.views.SurveyorEditor", "save", 104), *SPRING_TX_PROXY, kt(f"{PKG}.surveyors.SurveyorService", "save", 23))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL)),
        classes=(4,), pair="dz-booking-ref-dup", logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
    # Hikari's pool exhausted under two endpoints.
    Bug("dz-quote-no-connection", "survey-api", spring_no_connection(api(kt(f"{PKG}.api.QuoteController", "quote", 44), jl("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", 765)), "total=10, active=10, idle=0, waiting={waiting}"),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        classes=(9,), pair="dz-report-no-connection", logger=DISPATCHER, log=ROOT_CAUSE, entry="POST /api/v2/quotes"),
    Bug("dz-report-no-connection", "survey-api", spring_no_connection(api(kt(f"{PKG}.api.ReportController", "download", 29), jl("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", 765)), "total=10, active=10, idle=0, waiting={waiting}"),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(9,), pair="dz-quote-no-connection", logger=DISPATCHER, log=ROOT_CAUSE, entry="GET /api/v2/reports/{id}.pdf"),
    # Two lateinit properties of two views.
    Bug("dz-calendar-lateinit", "survey-office", (jexc("kotlin.UninitializedPropertyAccessException", "lateinit property calendar has not been initialized", office(kt(f"{PKG}.office.views.DiaryView", "_init_$lambda$1", 48), kt(f"{PKG}.office.views.DiaryView", "refresh", 77))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SPL)),
        classes=(4,), pair="dz-map-lateinit", logger=VAADIN_LOG, entry="POST /?v-r=uidl", span=3),
    Bug("dz-map-lateinit", "survey-office", (jexc("kotlin.UninitializedPropertyAccessException", "lateinit property routeMap has not been initialized", office(kt(f"{PKG}.office.views.RoutesView", "_init_$lambda$3", 55), kt(f"{PKG}.office.views.RoutesView", "showDay", 89))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dz-calendar-lateinit", logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
    # One fee field parsed in two views.
    Bug("dz-fee-number", "survey-office", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}0"', office(kt(f"{PKG}.office.views.FeeOverrideDialog", "_init_$lambda$0", 39), kt(f"{PKG}.office.Money", "parse", 12), jl("java.lang.Long", "parseLong", 709), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4, 6), pair="dz-mileage-number", logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
    Bug("dz-mileage-number", "survey-office", (jexc("java.lang.NumberFormatException", 'For input string: "{n} mi"', office(kt(f"{PKG}.office.views.ExpensesView", "_init_$lambda$2", 61), kt(f"{PKG}.office.views.ExpensesView", "addMileage", 94), jl("java.lang.Integer", "parseInt", 661), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL)),
        classes=(4, 6), pair="dz-fee-number", logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
    # The mapping service timing out: RestClient's ResourceAccessException over the socket timeout.
    Bug("dz-geocode-timeout", "survey-api", (jexc("java.net.SocketTimeoutException", "Read timed out", (*api(kt(f"{PKG}.api.BookingController", "create", 31), kt(f"{PKG}.geo.Geocoder", "locate", 26)), jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 471), jl("sun.nio.ch.NioSocketImpl", "timedRead", 278))), jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on GET request for "https://geo.ordnance.example/v1/addresses": Read timed out', (*api(kt(f"{PKG}.api.BookingController", "create", 31), kt(f"{PKG}.geo.Geocoder", "locate", 26)), jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "createResourceAccessException", 578)))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        classes=(9,), logger=DISPATCHER, log=ROOT_CAUSE, entry="POST /api/v2/bookings", span=2),
    Bug("dz-optimistic-lock", "survey-office", (jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect): [com.dunnockshaw.surveys.booking.Booking#{id}]", office(kt(f"{PKG}.office.views.BookingDetailView", "_init_$lambda$5", 118), kt(f"{PKG}.office.views.BookingDetailView", "confirm", 142), *SPRING_TX_PROXY, kt(f"{PKG}.booking.BookingService", "confirm", 88), jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
    Bug("dz-report-template", "survey-api", (jexc("org.springframework.expression.spel.SpelEvaluationException", "EL1007E: Property or field 'rebuildCost' cannot be found on null", (*api(kt(f"{PKG}.api.ReportController", "download", 33), kt(f"{PKG}.reports.ReportRenderer", "render", 47)), jl("org.thymeleaf.TemplateEngine", "process", 1103), jl("org.springframework.expression.spel.ast.PropertyOrFieldReference", "readProperty", 225))), jexc("org.thymeleaf.exceptions.TemplateProcessingException", 'Exception evaluating SpringEL expression: "survey.valuation.rebuildCost" (template: "reports/level3" - line {line}, col 17)', (*api(kt(f"{PKG}.api.ReportController", "download", 33), kt(f"{PKG}.reports.ReportRenderer", "render", 47)), jl("org.thymeleaf.TemplateEngine", "process", 1103), jl("org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator", "evaluate", 269)))),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        logger=DISPATCHER, log=ROOT_CAUSE, entry="GET /api/v2/reports/{id}.pdf"),
    Bug("dz-state-tree", "survey-office", (jexc("java.lang.IllegalStateException", "Can't move a node from one state tree to another. If this is intentional, first remove the node from its current state tree by calling removeFromTree", office(kt(f"{PKG}.office.views.MainLayout", "_init_$lambda$0", 33), jl("com.vaadin.flow.internal.StateNode", "setTree", 282))),),
        (see("sentry.error"),),
        singleton=True, logger=VAADIN_LOG, entry="POST /?v-r=uidl"),
]

NOISE = [
    Noise("dz-noise-deploy", "survey-api", "datadog.event", {"monitor": "Deployed survey-api 3.22.0", "text": "Argo CD synced dunnockshaw/surveys to 3.22.0 (survey-api, survey-office).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "surveys"}),
    Noise("dz-noise-started", "survey-office", "splunk", {**SPL, "line": "{tsms}  INFO 1 --- [survey-office] [           main] c.d.surveys.SurveysApplicationKt         : Started SurveysApplicationKt in 14.{n} seconds (process running for 15.{idx})"}),
    Noise("dz-noise-apm-recovered", "survey-api", "datadog.metric", {"monitor": "survey-api p95 latency", "transition": "Recovered", "alert_type": "success", "text": "survey-api p95 latency back under threshold.", "metric": "trace.servlet.request.duration", "query": "avg(last_10m):p95:trace.servlet.request.duration{service:survey-api} > 2", "priority": "P3", "team": "surveys"}),
]

DUNNOCKSHAW = Company(
    key="dz",
    name="Dunnockshaw Surveys",
    domain="dunnockshaw.example",
    sentry_org="dunnockshaw",
    splunk_url="https://splunk.dunnockshaw.example:8000",
    splunk_guid="3C90D6E2-71AB-4E58-B4F0-2A96E81D07C5",
    datadog_org=("704418", "Dunnockshaw Surveys"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.21.4", "3.22.0", "3.22.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunnockshaw-sentry-client-secret",
)
# fmt: on
