"""(fx) Mickleden Mutual, a small insurer's claims portal: a Spring Boot 2.7 WAR
(``claims-portal``, Spring MVC, Spring Data JPA on Hibernate 5.6 over Postgres, OpenFeign
clients to a rating service and a document store, a nightly ``@Scheduled`` export) deployed on
an external Tomcat 9.0 with Java 17.

Splunk indexes ``catalina.out`` (``fx-catalina``): the app logs through
``spring-boot-starter-log4j2`` (Spring Boot's console pattern, ``%xwEx`` frames with
``~[jar:version]``); an exception that leaves the ``DispatcherServlet`` is logged by Tomcat's
JULI ``StandardWrapperValve`` (``Servlet.service() … threw exception [Request processing
failed; nested exception is …] with root cause`` and the root cause's trace), or, on the
routes under the WAR's error pages, by Spring Boot's ``ErrorPageFilter``. Sentry: the
javax ``sentry-spring-boot-starter``. Datadog: the recommended template, log monitors on the
``catalina.out`` source and dd-java-agent APM by type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot", "7.19.0", "maven:io.sentry:sentry-spring-boot-starter")
SERVICES = {
    "claims-portal": Service("claims-portal", "java", "fx-catalina", "tomcat:catalina", "/opt/tomcat/logs/catalina.out", "fx_claims", 5590713, "OpenJDK 17.0.10", framework="spring", sdk=SDK),
}

TOMCAT = (
    jl("java.lang.Thread", "run", 833),
    jl("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", 61),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker", "run", 659),
    jl("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun", 1791),
    jl("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", 926),
    jl("org.apache.coyote.http11.Http11Processor", "service", 399),
    jl("org.apache.catalina.connector.CoyoteAdapter", "service", 343),
    jl("org.apache.catalina.core.StandardEngineValve", "invoke", 74),
    jl("org.apache.catalina.core.StandardHostValve", "invoke", 135),
    jl("org.apache.catalina.core.StandardContextValve", "invoke", 97),
    jl("org.apache.catalina.core.StandardWrapperValve", "invoke", 197),
    jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 166),
    jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 193),
    jl("org.springframework.boot.web.servlet.support.ErrorPageFilter", "doFilter", 126),
    jl("org.springframework.web.filter.OncePerRequestFilter", "doFilter", 117),
    jl("javax.servlet.http.HttpServlet", "service", 764),
    jl("org.springframework.web.servlet.FrameworkServlet", "service", 883),
    jl("org.springframework.web.servlet.FrameworkServlet", "processRequest", 1006),
    jl("org.springframework.web.servlet.DispatcherServlet", "doService", 964),
    jl("org.springframework.web.servlet.DispatcherServlet", "doDispatch", 1072),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", 808),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 150),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", 205),
    jl("java.lang.reflect.Method", "invoke", 568),
)
ARGS = (
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 146),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "getMethodArgumentValues", 179),
    jl("org.springframework.web.method.annotation.RequestResponseBodyMethodProcessor", "readWithMessageConverters", 161),
    jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 391),
)
TX = (
    jl("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", 708),
    jl("org.springframework.transaction.interceptor.TransactionInterceptor", "invoke", 119),
    jl("org.springframework.transaction.interceptor.TransactionAspectSupport", "invokeWithinTransaction", 388),
)
COMMIT = (
    jl("org.springframework.transaction.support.AbstractPlatformTransactionManager", "commit", 711),
    jl("org.springframework.orm.jpa.JpaTransactionManager", "doCommit", 562),
    jl("org.hibernate.engine.transaction.internal.TransactionImpl", "commit", 101),
    jl("org.hibernate.internal.SessionImpl", "flush", 1403),
    jl("org.hibernate.engine.jdbc.batch.internal.NonBatchingBatch", "addToBatch", 46),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 197),
)
PKG = "uk.mickleden.claims"


def c(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def unique(app: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, ...]:
    psql = jexc("org.postgresql.util.PSQLException", f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}', (*TOMCAT, *app, *TX, *COMMIT, jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152), jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2676)))
    cve = jexc("org.hibernate.exception.ConstraintViolationException", "could not execute statement", (*TOMCAT, *app, *TX, *COMMIT, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 59)))
    return psql, cve, jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement; SQL [n/a]; constraint [{constraint}]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement", (*TOMCAT, *app, *TX, jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 276)))


def feign(app: tuple[Frame, ...], client: str, method: str, url: str) -> tuple[Exc, ...]:
    return (jexc("feign.FeignException$ServiceUnavailable", f"[503 Service Unavailable] during [GET] to [{url}] [{client}#{method}]: [upstream connect error or disconnect/reset before headers. reset reason: connection failure]", (*TOMCAT, *app, jl("feign.ReflectiveFeign$FeignInvocationHandler", "invoke", 100), jl("feign.SynchronousMethodHandler", "invoke", 104), jl("feign.SynchronousMethodHandler", "executeAndDecode", 141), jl("feign.FeignException", "errorStatus", 219))),)


SUBMIT = c("web.ClaimController", "submit", 71)
AMEND = c("web.ClaimController", "amend", 96)
EXCESS = c("service.ExcessCalculator", "apply", 34)
APP = {"search": "mickleden catalina errors", "app": "mickleden"}
VALVE = {"search": "mickleden catalina errors", "app": "mickleden", "kind": "valve"}
EPAGE = {"search": "mickleden catalina errors", "app": "mickleden", "kind": "errorpage"}
DD_LOG = dict(team="claims", monitor="[claims] ERROR in catalina.out", filter="source:tomcat service:claims-portal status:error", style="sample")
DD_ERR = dict(team="claims", monitor="[claims] portal exceptions", filter="service:claims-portal @error.kind:*", style="error")
APM = dict(team="claims", monitor="[claims] servlet.request errors by type", style="type")
NPE_POLICY = 'Cannot invoke "uk.mickleden.claims.domain.Policy.getExcess()" because "policy" is null'

BUGS = [
    # The same helpful NPE in the same helper, reached from submit and amend.
    Bug("fx-submit-npe-excess", "claims-portal", (Exc("NullPointerException", NPE_POLICY, (*TOMCAT, SUBMIT, *TX, c("service.ClaimService", "submit", 88), EXCESS), module="java.lang"),),
        (see("sentry.error", 3), see("splunk", 2, **VALVE), see("splunk", 1, **EPAGE), see("datadog.log", **DD_LOG)),
        classes=(4, 5), pair="fx-amend-npe-excess", entry="POST /claims", span=2, renames={"submit": "submitClaim"}),
    Bug("fx-amend-npe-excess", "claims-portal", (Exc("NullPointerException", NPE_POLICY, (*TOMCAT, AMEND, *TX, c("service.ClaimService", "amend", 131), c("service.ClaimService", "reprice", 162), EXCESS), module="java.lang"),),
        (see("sentry.error", 2), see("splunk", 2, **VALVE), see("datadog.apm", **APM)),
        classes=(4,), pair="fx-submit-npe-excess", entry="PUT /claims/{id}"),
    # Unique violations on two tables through one JPA commit.
    Bug("fx-claim-dup-reference", "claims-portal", unique((SUBMIT, c("service.ClaimService", "submit", 90)), "claims_reference_key", "Key (reference)=(MM-{n}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **EPAGE), see("splunk", 1, log="Claim submission failed for policy MM-{n}", logger=f"{PKG}.web.ClaimController", **APP), see("datadog.log", **DD_ERR)),
        classes=(1, 4), pair="fx-payee-dup-iban", entry="POST /claims"),
    Bug("fx-payee-dup-iban", "claims-portal", unique((c("web.PayeeController", "add", 44), c("service.PayeeService", "register", 29)), "payees_claim_id_iban_key", "Key (claim_id, iban)=({n}, GB{n}MICK0000{n}) already exists."),
        (see("sentry.error", 2), see("splunk", 3, **VALVE), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fx-claim-dup-reference", entry="POST /claims/{id}/payees"),
    # Feign 503s from two clients behind the same mesh.
    Bug("fx-rating-503", "claims-portal", feign((c("web.QuoteController", "requote", 52), c("service.RatingService", "rate", 40)), "RatingClient", "rate(Long)", "http://rating-svc/rates/{n}"),
        (see("sentry.error", 3), see("splunk", 2, **APP, log="Rating failed for claim {n}", logger=f"{PKG}.service.RatingService"), see("datadog.log", **DD_LOG)),
        classes=(10,), pair="fx-docstore-503", entry="POST /claims/{id}/requote"),
    Bug("fx-docstore-503", "claims-portal", feign((c("web.DocumentController", "list", 38), c("service.DocumentService", "forClaim", 27)), "DocumentClient", "list(String)", "http://docstore/claims/MM-{n}/documents"),
        (see("sentry.error", 2), see("splunk", 2, **VALVE), see("datadog.apm", **APM)),
        classes=(10,), pair="fx-rating-503", entry="GET /claims/{id}/documents"),
    # Jackson: a bad date and a bad enum in the same request body.
    Bug("fx-body-bad-date", "claims-portal", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `java.time.LocalDate` from String "{n}/02/2026": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{n}/02/2026\' could not be parsed at index 2\n at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: 41] (through reference chain: uk.mickleden.claims.web.dto.ClaimForm["incidentDate"])', (*TOMCAT[:-3], *ARGS, jl("com.fasterxml.jackson.databind.ObjectMapper", "_readMapAndClose", 4674), jl("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 67))),
                                           jexc("org.springframework.http.converter.HttpMessageNotReadableException", 'JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String "{n}/02/2026": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{n}/02/2026\' could not be parsed at index 2; nested exception is com.fasterxml.jackson.databind.exc.InvalidFormatException', (*TOMCAT[:-3], *ARGS, jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 406)))),
        (see("sentry.error", 2), see("splunk", 2, **EPAGE), see("datadog.log", **DD_ERR)),
        classes=(4,), pair="fx-body-bad-enum", entry="POST /claims"),
    Bug("fx-body-bad-enum", "claims-portal", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `uk.mickleden.claims.domain.PerilType` from String "STORM_SURGE": not one of the values accepted for Enum class: [ESCAPE_OF_WATER, FIRE, STORM, THEFT, FLOOD, SUBSIDENCE]\n at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: 88] (through reference chain: uk.mickleden.claims.web.dto.ClaimForm["peril"])', (*TOMCAT[:-3], *ARGS, jl("com.fasterxml.jackson.databind.ObjectMapper", "_readMapAndClose", 4674), jl("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 67))),
                                           jexc("org.springframework.http.converter.HttpMessageNotReadableException", 'JSON parse error: Cannot deserialize value of type `uk.mickleden.claims.domain.PerilType` from String "STORM_SURGE": not one of the values accepted for Enum class: [ESCAPE_OF_WATER, FIRE, STORM, THEFT, FLOOD, SUBSIDENCE]; nested exception is com.fasterxml.jackson.databind.exc.InvalidFormatException', (*TOMCAT[:-3], *ARGS, jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 406)))),
        (see("sentry.error", 3), see("splunk", 2, **EPAGE), see("datadog.apm", **APM)),
        classes=(4,), pair="fx-body-bad-date", entry="POST /claims"),
    # Lazy collections read outside the session: two roles, two mappers.
    Bug("fx-lazy-documents", "claims-portal", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: uk.mickleden.claims.domain.Claim.documents, could not initialize proxy - no Session", (*TOMCAT, c("web.ClaimController", "summary", 118), c("web.ClaimSummaryMapper", "toView", 41), jl("org.hibernate.collection.internal.PersistentBag", "size", 387), jl("org.hibernate.collection.internal.AbstractPersistentCollection", "throwLazyInitializationException", 614))),),
        (see("sentry.error", 3), see("splunk", 3, **VALVE), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fx-lazy-notes", entry="GET /claims/{id}/summary", span=3),
    Bug("fx-lazy-notes", "claims-portal", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: uk.mickleden.claims.domain.Claim.notes, could not initialize proxy - no Session", (*TOMCAT, c("web.HandlerDeskController", "queue", 63), c("web.DeskRowMapper", "toRow", 28), jl("org.hibernate.collection.internal.PersistentBag", "iterator", 297), jl("org.hibernate.collection.internal.AbstractPersistentCollection", "throwLazyInitializationException", 614))),),
        (see("sentry.error", 2), see("splunk", 2, **VALVE), see("datadog.apm", **APM)),
        classes=(4,), pair="fx-lazy-documents", entry="GET /desk/queue"),
    Bug("fx-hikari-timeout", "claims-portal", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", (*TOMCAT, c("web.DocumentController", "list", 35), *TX, jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696))),
                                                   jexc("org.hibernate.exception.JDBCConnectionException", "Unable to acquire JDBC Connection", (*TOMCAT, c("web.DocumentController", "list", 35), *TX, jl("org.hibernate.engine.jdbc.connections.internal.LogicalConnectionManagedImpl", "acquireConnectionIfNeeded", 112))),
                                                   jexc("org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection", (*TOMCAT, c("web.DocumentController", "list", 35), *TX, jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 467)))),
        (see("sentry.error", 3), see("splunk", 2, **VALVE), see("splunk", 2, **EPAGE), see("datadog.log", **DD_ERR)),
        classes=(1, 5), entry="GET /claims/{id}/documents", span=2),
    Bug("fx-optimistic-lock", "claims-portal", (jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [uk.mickleden.claims.domain.Claim#{n}]", (*TOMCAT, AMEND, *TX, *COMMIT[:4], jl("org.hibernate.persister.entity.AbstractEntityPersister", "check", 3314))),
                                                    jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Object of class [uk.mickleden.claims.domain.Claim] with identifier [{n}]: optimistic locking failed; nested exception is org.hibernate.StaleObjectStateException: Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [uk.mickleden.claims.domain.Claim#{n}]", (*TOMCAT, AMEND, *TX, jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 315)))),
        (see("sentry.error", 2), see("splunk", 2, **VALVE), see("datadog.apm", **APM)),
        classes=(1,), entry="PUT /claims/{id}"),
    # Two state-machine refusals: the same IllegalStateException type, different transitions and callers.
    Bug("fx-reopen-settled", "claims-portal", (Exc("IllegalStateException", "Claim MM-{n} cannot move from SETTLED to UNDER_REVIEW", (*TOMCAT, c("web.HandlerDeskController", "reopen", 88), c("domain.ClaimStateMachine", "transition", 52)), module="java.lang"),),
        (see("sentry.error", 3), see("splunk", 2, **EPAGE), see("datadog.log", **DD_LOG)),
        classes=(2,), pair="fx-withdraw-paid", entry="POST /desk/claims/{id}/reopen"),
    Bug("fx-withdraw-paid", "claims-portal", (Exc("IllegalStateException", "Claim MM-{n} cannot move from PAID to WITHDRAWN", (*TOMCAT, c("web.ClaimController", "withdraw", 141), c("domain.ClaimStateMachine", "transition", 52)), module="java.lang"),),
        (see("sentry.error", 2), see("splunk", 2, **EPAGE), see("datadog.log", **DD_ERR)),
        classes=(2,), pair="fx-reopen-settled", entry="POST /claims/{id}/withdraw"),
    Bug("fx-policy-number", "claims-portal", (Exc("NumberFormatException", 'For input string: "MM-{n}"', (*TOMCAT, c("web.PolicyLookupController", "find", 31), c("service.PolicyNumbers", "parse", 19), jl("java.lang.Long", "parseLong", 711), jl("java.lang.NumberFormatException", "forInputString", 67)), module="java.lang"),),
        (see("sentry.error", 3), see("splunk", 3, **VALVE), see("datadog.apm", **APM)),
        classes=(4,), entry="GET /policies/lookup"),
    Bug("fx-nightly-export", "claims-portal", (jexc("java.io.IOException", "No space left on device", (jl("java.lang.Thread", "run", 833), jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304), jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54), jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84), c("jobs.BordereauExport", "nightly", 47), c("jobs.BordereauWriter", "write", 66), jl("java.io.FileOutputStream", "writeBytes", -1))),),
        (see("sentry.error", 2), see("splunk", 3, log="Unexpected error occurred in scheduled task", logger="org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", thread="scheduling-1", **APP), see("datadog.log", **DD_LOG)),
        classes=(6,), entry="BordereauExport.nightly"),
    Bug("fx-cast-singleton", "claims-portal", (Exc("ClassCastException", "class java.lang.Integer cannot be cast to class java.lang.Long (java.lang.Integer and java.lang.Long are in module java.base of loader 'bootstrap')", (*TOMCAT, c("web.ReportController", "ageing", 57), c("service.AgeingReport", "bucket", 73)), module="java.lang"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /reports/ageing"),
]

NOISE = [
    Noise("fx-noise-startup", "claims-portal", "splunk", {"search": "mickleden catalina errors", "line": "05-Mar-2026 06:00:41.112 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [24813] milliseconds"}),
    Noise("fx-noise-deploy", "claims-portal", "datadog.event", {"monitor": "Deploy", "text": "claims-portal.war 2.14.1 redeployed on mick-tc-01, mick-tc-02.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fx-noise-recovered", "claims-portal", "datadog.log", {"monitor": "[claims] ERROR in catalina.out", "text": "Recovered: ERROR in catalina.out below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

MICKLEDEN = Company(
    key="fx",
    name="Mickleden Mutual",
    domain="mickleden-mutual.example",
    sentry_org="mickleden",
    splunk_url="https://mickleden.splunkcloud.com",
    splunk_guid="6C1F0A92-3E57-4B8D-9A20-D4E7B1C85F36",
    datadog_org=("718204", "Mickleden Mutual"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2.14.0", "2.14.1", "2.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mickleden-sentry-client-secret",
)
# fmt: on
