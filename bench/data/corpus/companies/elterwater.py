"""(ee) Elterwater Rostering, staff rotas for care homes: a Spring Boot 3.3 app on Java 21
(``rota-api``, Spring MVC on Tomcat, JPA over PostgreSQL) and a worker from the same code
(``rota-worker``: ``@Scheduled`` jobs and an ``@SqsListener`` on Spring Cloud AWS), both on
AWS ECS Fargate.

Sentry: sentry-spring-boot-starter-jakarta. Splunk gets the containers' stdout through
FireLens (Fluent Bit's ``splunk`` output): logstash-logback-encoder's JSON line as a string
under the record's ``log`` key, then, after the task definitions gained a parser filter, as
an object under ``log``. Datadog (APM through dd-java-agent, the recommended template) has
error-rate monitors on the API and a log monitor pasting samples. No PostHog: no browser
code is theirs.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import SCHEDULED, TOMCAT, jexc, jl, jv, spring_constraint, spring_no_connection

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring.boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "rota-api": Service("rota-api", "java", "ee-firelens-logstash", "firelens:splunk", "rota-api-firelens-stdout", "ee_ecs", 7440011, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
    "rota-worker": Service("rota-worker", "java", "ee-firelens-logstash", "firelens:splunk", "rota-worker-firelens-stdout", "ee_ecs", 7440014, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
}
P = "com.elterwater.rota."


def a(cls: str, method: str, line: int) -> Frame:
    return jv(P + cls, method, line)


SQS = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.CompletableFuture$AsyncSupply", "run", 1768),
    jl("io.awspring.cloud.sqs.listener.pipeline.MessageProcessingPipelineSink", "lambda$doProcess$0", 58),
    jl("io.awspring.cloud.sqs.listener.adapter.MessagingMessageListenerAdapter", "onMessage", 45),
    jl("io.awspring.cloud.sqs.listener.adapter.AbstractMethodInvokingListenerAdapter", "invokeHandler", 100),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 118),
    jl("java.lang.reflect.Method", "invoke", 580),
)
JACKSON_READ = (
    jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3899),
    jl("com.fasterxml.jackson.databind.ObjectMapper", "_readMapAndClose", 4917),
)
# Every upload and download of rota PDFs goes through one S3 wrapper.
S3 = (
    a("storage.RotaStore", "call", 88),
    jl("software.amazon.awssdk.services.s3.DefaultS3Client", "putObject", 10191),
    jl("software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler", "execute", 67),
)
S3_GET = (
    a("storage.RotaStore", "call", 88),
    jl("software.amazon.awssdk.services.s3.DefaultS3Client", "getObject", 5426),
    jl("software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler", "execute", 67),
)
REST = (
    a("payroll.PayrollClient", "post", 52),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "retrieve", 517),
    jl("org.springframework.web.client.DefaultRestClient", "readWithMessageConverters", 214),
)
HIBERNATE_MERGE = (
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325),
)
API = {"search": "rota-api errors (firelens)"}
API_PARSED = {"search": "rota-api errors (firelens)", "format": "ee-firelens-parsed"}
WORKER = {"search": "rota-worker errors (firelens)", "sourcetype": "firelens:splunk"}
WORKER_PARSED = {"search": "rota-worker errors (firelens)", "format": "ee-firelens-parsed"}
APM = {"monitor": "rota-api error rate"}
DD = {"team": "rota", "monitor": "rota error logs", "filter": "service:rota-* status:error", "style": "sample"}
SQS_THREAD = {"thread": "sqs-listener-1"}
NPE = 'Cannot invoke "com.elterwater.rota.staff.Grade.payBand()" because the return value of "com.elterwater.rota.staff.Employee.getGrade()" is null'


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*TOMCAT, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SCHEDULED, *frames)


def sqs(*frames: Frame) -> tuple[Frame, ...]:
    return (*SQS, *frames)


def stale(entity: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [{P}{entity}#{{id}}]"
    return (
        jexc("org.hibernate.StaleObjectStateException", msg, frames),
        jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [{P}{entity}#{{id}}]", frames + HIBERNATE_MERGE),
    )


BUGS = [
    # The same NPE message from two callers of Employee.getGrade().
    Bug("ee-shift-cost-npe", "rota-api", (jexc("java.lang.NullPointerException", NPE, web(a("rota.ShiftController", "publish", 64), a("rota.ShiftCostCalculator", "cost", 41))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **API), see("splunk", 1, release=2, **API_PARSED), see("datadog.apm", **APM)),
        classes=(4, 5), pair="ee-payslip-npe", entry="POST /api/rotas/{id}/publish", span=3, renames={"publish": "publishRota"}),
    Bug("ee-payslip-npe", "rota-worker", (jexc("java.lang.NullPointerException", NPE, job(a("payroll.PayrollExportJob", "run", 37), a("payroll.PayslipLine", "from", 22))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, thread="scheduling-1", **WORKER), see("datadog.log", **DD)),
        classes=(4,), pair="ee-shift-cost-npe", entry="PayrollExportJob"),
    # Optimistic locking on two entities.
    Bug("ee-shift-swap-stale", "rota-api", stale("rota.Shift", web(a("rota.SwapController", "accept", 33), a("rota.SwapService", "accept", 58))),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(3, 4), pair="ee-leave-stale", entry="POST /api/swaps/{id}/accept", log="Unexpected error handling POST /api/swaps/{id}/accept"),
    Bug("ee-leave-stale", "rota-api", stale("leave.LeaveRequest", web(a("leave.LeaveController", "approve", 47), a("leave.LeaveService", "approve", 71))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(3, 4), pair="ee-shift-swap-stale", entry="POST /api/leave/{id}/approve", log="Unexpected error handling POST /api/leave/{id}/approve"),
    # NOT NULL violations through the same JPA save.
    Bug("ee-assignment-null", "rota-api", spring_constraint(web(a("rota.AssignmentController", "create", 29), a("rota.AssignmentService", "assign", 44)), "shift_assignments", "employee_id", "{id}, null, {idx}, 2026-03-{n}"),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(3, 4), pair="ee-timesheet-null", entry="POST /api/assignments"),
    Bug("ee-timesheet-null", "rota-worker", spring_constraint(job(a("timesheet.TimesheetCloseJob", "run", 26), a("timesheet.TimesheetService", "close", 90)), "timesheet_entries", "approved_by", "{id}, {idx}, 7.5, null"),
        (see("sentry.error", 3), see("splunk", 2, thread="scheduling-1", **WORKER), see("datadog.log", **DD)),
        classes=(3, 4), pair="ee-assignment-null", entry="TimesheetCloseJob"),
    # Two ways a clock-in message from the SQS queue fails in the same listener method.
    Bug("ee-clockin-bad-json", "rota-worker", (jexc("com.fasterxml.jackson.core.JsonParseException", "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]", sqs(a("clock.ClockInListener", "onMessage", 31), *JACKSON_READ)),),
        (see("sentry.error", 3), see("splunk", 2, **SQS_THREAD, **WORKER), see("splunk", 1, release=1, **SQS_THREAD, **WORKER_PARSED), see("datadog.log", **DD)),
        classes=(4,), pair="ee-clockin-mismatch", entry="clock-in-events", log="Failed to process clock-in message"),
    Bug("ee-clockin-mismatch", "rota-worker", (jexc("com.fasterxml.jackson.databind.exc.MismatchedInputException", "Cannot deserialize value of type `java.time.Instant` from Array value (token `JsonToken.START_ARRAY`)\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 58] (through reference chain: com.elterwater.rota.clock.ClockInEvent[\"at\"])", sqs(a("clock.ClockInListener", "onMessage", 31), *JACKSON_READ)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **SQS_THREAD, **WORKER)),
        classes=(4,), pair="ee-clockin-bad-json", entry="clock-in-events", log="Failed to process clock-in message"),
    # The S3 wrapper at the end of two bugs.
    Bug("ee-pdf-upload-denied", "rota-worker", (jexc("software.amazon.awssdk.services.s3.model.S3Exception", "User: arn:aws:sts::318402277165:assumed-role/rota-worker-task/{hex} is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::elterwater-rota-pdfs/{date}/rota-{id}.pdf\" because no identity-based policy allows the s3:PutObject action (Service: S3, Status Code: 403, Request ID: {hex})", job(a("export.RotaPdfJob", "run", 40), a("export.RotaPdfExporter", "upload", 77), *S3)),),
        (see("sentry.error", 3), see("splunk", 2, thread="scheduling-2", **WORKER), see("datadog.log", **DD)),
        classes=(4, 8), pair="ee-pdf-missing-key", entry="RotaPdfJob"),
    Bug("ee-pdf-missing-key", "rota-api", (jexc("software.amazon.awssdk.services.s3.model.NoSuchKeyException", "The specified key does not exist. (Service: S3, Status Code: 404, Request ID: {hex})", web(a("export.RotaPdfController", "download", 25), a("export.RotaPdfExporter", "download", 92), *S3_GET)),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4, 8), pair="ee-pdf-upload-denied", entry="GET /api/rotas/{id}/pdf"),
    # Two timeouts to the payroll provider through one RestClient wrapper.
    Bug("ee-payroll-read-timeout", "rota-worker", (jexc("java.net.SocketTimeoutException", "Read timed out", ()), jexc("org.springframework.web.client.ResourceAccessException", "I/O error on POST request for \"https://api.payroll.example/v2/batches\": Read timed out", job(a("payroll.PayrollExportJob", "run", 44), a("payroll.PayrollSubmitter", "submit", 30), *REST))),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, thread="scheduling-1", **WORKER), see("datadog.log", **DD)),
        classes=(9,), pair="ee-payroll-refused", entry="PayrollExportJob", span=2),
    Bug("ee-payroll-refused", "rota-api", (jexc("java.net.ConnectException", "Connection refused", ()), jexc("org.springframework.web.client.ResourceAccessException", "I/O error on POST request for \"https://api.payroll.example/v2/employees\": Connection refused", web(a("staff.EmployeeController", "create", 38), a("payroll.PayrollSync", "push", 19), *REST))),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(9,), pair="ee-payroll-read-timeout", entry="POST /api/employees"),
    # Hikari exhausted during the morning publish rush.
    Bug("ee-pool-exhausted", "rota-api", spring_no_connection(web(a("rota.RotaController", "week", 52), a("rota.RotaQueryService", "week", 33)), "HikariPool-1"),
        (see("sentry.error", 3), see("splunk", 3, **API), see("splunk", 1, release=1, half=12, **API_PARSED), see("datadog.apm", **APM), see("datadog.log", **DD)),
        classes=(9, 10), entry="GET /api/rotas/week/{week}", span=2),
    Bug("ee-import-date", "rota-api", (jexc("java.time.format.DateTimeParseException", "Text '{date}T25:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 25", web(a("imports.ShiftImportController", "upload", 36), a("imports.ShiftCsvReader", "row", 58), jl("java.time.LocalDateTime", "parse", 492))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), entry="POST /api/imports/shifts"),
    Bug("ee-duplicate-key-map", "rota-worker", (jexc("java.lang.IllegalStateException", "Duplicate key {id} (attempted merging values Employee[id={id}] and Employee[id={id}])", job(a("reminder.ShiftReminderJob", "run", 29), jl("java.util.stream.Collectors", "lambda$duplicateKeyException$0", 135))),),
        (see("sentry.error"),),
        singleton=True, entry="ShiftReminderJob"),
    Bug("ee-swap-illegal-arg", "rota-api", (jexc("java.lang.IllegalArgumentException", "No enum constant com.elterwater.rota.rota.ShiftType.NIGHT_LONG", web(a("rota.SwapController", "create", 21), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error"), see("splunk", 1, **API)),
        singleton=True, entry="POST /api/swaps"),
]

NOISE = [
    Noise("ee-noise-deploy", "rota-api", "datadog.event", {"monitor": "Deployed rota-api 3.18.0", "text": "ECS service rota-api reached a steady state: task definition rota-api:42 (4/4 tasks running).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "rota"}),
    Noise("ee-noise-recovered", "rota-worker", "datadog.log", {"monitor": "rota error logs", "transition": "Recovered", "alert_type": "success", "team": "rota", "filter": "service:rota-* status:error", "text": "rota error logs back under threshold."}),
    Noise("ee-noise-boot", "rota-worker", "splunk", {**WORKER, "line": "{\"container_id\":\"5e1c0b6b4f0e4a7d9b3e1c2a7f6d8e90-1829374650\",\"container_name\":\"rota-worker\",\"source\":\"stdout\",\"log\":\"{\\\"@timestamp\\\":\\\"{tsms}\\\",\\\"@version\\\":\\\"1\\\",\\\"message\\\":\\\"Started RotaApplication in 9.412 seconds (process running for 10.3)\\\",\\\"logger_name\\\":\\\"com.elterwater.rota.RotaApplication\\\",\\\"thread_name\\\":\\\"main\\\",\\\"level\\\":\\\"INFO\\\",\\\"level_value\\\":20000}\",\"ecs_cluster\":\"rota-prod\"}"}),
]

ELTERWATER = Company(
    key="ee",
    name="Elterwater Rostering",
    domain="elterwater.example",
    sentry_org="elterwater",
    splunk_url="https://elterwater.splunkcloud.com",
    splunk_guid="6B2E9F41-0C7A-4D58-A3E1-92F6C0B7D415",
    datadog_org=("540127", "Elterwater Rostering"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.17.2", "3.18.0", "3.18.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="elterwater-sentry-client-secret",
)
# fmt: on
