"""(u) Umberfield Dental, clinic bookings: an ASP.NET Core 8 minimal API (``booking``,
Microsoft.Extensions.Logging's JSON console formatter) and a NestJS 10 notifier on Fastify
(``notify``, pino JSON, TypeScript compiled to ``dist/``).

Sentry (Sentry.AspNetCore, @sentry/nestjs) sees both; PostHog's posthog-node captures the
notifier's exceptions; Splunk indexes the JSON console lines and pino; Datadog posts the
team's template with the event nested under ``event`` and the monitor id unquoted.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import NODE_TICKS, cs, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking": Service("booking", "csharp", "mel-json", "umberfield:booking:json", "/var/log/containers/booking.log", "ud_prod", 8240041, ".NET 8.0.8", framework="aspnetcore"),
    "notify": Service("notify", "node", "pino", "umberfield:notify", "/var/log/containers/notify.log", "ud_prod", 8240044, "node v20.17.0", framework="nestjs", sdk=("sentry.javascript.nestjs", "8.30.0", "npm:@sentry/nestjs")),
}

MINIMAL = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Routing.EndpointMiddleware", "<Invoke>g__AwaitRequestTask|7_0", "(Endpoint endpoint, Task requestTask, ILogger logger)", lib=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<ExecuteTaskResult>g__ExecuteAwaited|129_0[T]", "(Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)", lib=True),
)
FASTIFY = (
    NODE_TICKS,
    nd("node_modules/@nestjs/core/router/router-proxy.js", "", 9, 17, lib=True, awaited=True),
    nd("node_modules/@nestjs/core/router/router-execution-context.js", "", 46, 28, lib=True, awaited=True),
)
MEL = dict(log="An unhandled exception has occurred while executing the request.", logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware")
PINO = dict(log="request errored", logger="notify")


def ep(type_: str, method: str, args: str, file: str, line: int) -> tuple:
    return (*MINIMAL, cs("Umberfield.Booking." + type_, method, args, "/src/Booking/" + file, line, boundary=True))


def ts(file: str, fn: str, line: int, col: int) -> object:
    return nd("dist/" + file.replace(".ts", ".js"), fn, line, col, awaited=True)


BUGS = [
    # "Sequence contains no elements" from two endpoints (the chair and the hygienist slot).
    Bug("ud-slot-chair-empty", "booking", (Exc("InvalidOperationException", "Sequence contains no elements", (*ep("Endpoints.SlotEndpoints", "<MapSlots>b__0_1", "(Guid clinicId, DateOnly day, BookingDb db)", "Endpoints/SlotEndpoints.cs", 38), cs("Umberfield.Booking.Scheduling.ChairPlanner", "FirstFree", "(IReadOnlyList`1 chairs, TimeOnly from)", "/src/Booking/Scheduling/ChairPlanner.cs", 22), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team="booking", monitor="booking error spans")),
        classes=(4,), pair="ud-slot-hygienist-empty", entry="GET /clinics/{clinicId}/slots", **MEL),
    Bug("ud-slot-hygienist-empty", "booking", (Exc("InvalidOperationException", "Sequence contains no elements", (*ep("Endpoints.HygieneEndpoints", "<MapHygiene>b__0_0", "(Guid clinicId, BookingDb db)", "Endpoints/HygieneEndpoints.cs", 27), cs("Umberfield.Booking.Scheduling.HygienistRota", "NextShift", "(DateOnly day)", "/src/Booking/Scheduling/HygienistRota.cs", 49), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2), see("sentry.issue")),
        classes=(4,), pair="ud-slot-chair-empty", entry="GET /clinics/{clinicId}/hygiene", **MEL),
    # EF Core's DbUpdateException over Npgsql's unique violation, two indexes.
    Bug("ud-booking-unique", "booking", (Exc("PostgresException", '23505: duplicate key value violates unique constraint "IX_Appointments_ChairId_StartsAt"', (cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),), module="Npgsql"), Exc("DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*ep("Endpoints.AppointmentEndpoints", "<MapAppointments>b__0_2", "(BookRequest req, BookingDb db)", "Endpoints/AppointmentEndpoints.cs", 61), cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True)), module="Microsoft.EntityFrameworkCore")),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.apm", style="type", team="booking", monitor="booking error spans")),
        classes=(4, 10), pair="ud-patient-unique", entry="POST /appointments", **MEL),
    Bug("ud-patient-unique", "booking", (Exc("PostgresException", '23505: duplicate key value violates unique constraint "IX_Patients_NhsNumber"', (cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),), module="Npgsql"), Exc("DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*ep("Endpoints.PatientEndpoints", "<MapPatients>b__0_0", "(NewPatient req, BookingDb db)", "Endpoints/PatientEndpoints.cs", 33), cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True)), module="Microsoft.EntityFrameworkCore")),
        (see("sentry.error", 2), see("splunk", 2), see("sentry.alert", rule="New issue in booking")),
        classes=(4, 10), pair="ud-booking-unique", entry="POST /patients", **MEL),
    # A FormatException parsing a clinic's opening hours, across releases (the caller renamed).
    Bug("ud-hours-format", "booking", (Exc("FormatException", "String '{hhmm}-' was not recognized as a valid TimeOnly.", (*ep("Endpoints.ClinicEndpoints", "<MapClinics>b__0_3", "(Guid clinicId, BookingDb db)", "Endpoints/ClinicEndpoints.cs", 44), cs("Umberfield.Booking.Clinics.OpeningHours", "Parse", "(String text)", "/src/Booking/Clinics/OpeningHours.cs", 18), cs("System.TimeOnly", "Parse", "(String s, IFormatProvider provider)", lib=True)), module="System"),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.log", team="booking", monitor="booking error logs", filter="service:booking @LogLevel:Error", style="kind")),
        classes=(5,), span=3, renames={"<MapClinics>b__0_3": "<MapClinics>b__0_4"}, entry="GET /clinics/{clinicId}", **MEL),
    # NestJS notifier: reading 'mobile' in two services.
    Bug("ud-sms-reminder-mobile", "notify", (Exc("TypeError", "Cannot read properties of undefined (reading 'mobile')", (*FASTIFY, ts("reminders/reminders.controller.ts", "RemindersController.send", 31, 42), ts("sms/sms.service.ts", "SmsService.toRecipient", 18, 37))),),
        (see("sentry.error", 2), see("splunk", 2), see("posthog", 2), see("posthog", resolved=True)),
        classes=(4,), pair="ud-sms-recall-mobile", entry="POST /reminders", **PINO),
    Bug("ud-sms-recall-mobile", "notify", (Exc("TypeError", "Cannot read properties of undefined (reading 'mobile')", (*FASTIFY, ts("recalls/recalls.controller.ts", "RecallsController.run", 22, 19), ts("recalls/recall.builder.ts", "RecallBuilder.contact", 40, 26))),),
        (see("sentry.error", 2), see("splunk", 2), see("posthog")),
        classes=(4,), pair="ud-sms-reminder-mobile", entry="POST /recalls/run", **PINO),
    # The SMS provider's 429, thrown from one helper for two endpoints.
    Bug("ud-sms-429", "notify", (Exc("HttpException", "Request failed with status code 429", (*FASTIFY, ts("reminders/reminders.controller.ts", "RemindersController.send", 36, 20), ts("sms/sms.client.ts", "SmsClient.post", 52, 15))),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.apm", style="message", team="notify", monitor="notify error spans"), see("sentry.issue")),
        classes=(9,), pair="ud-email-partial", entry="POST /reminders", **PINO),
    # Pino logging an email template's missing partial.
    Bug("ud-email-partial", "notify", (Exc("Error", 'The partial footer_{locale} could not be found', (*FASTIFY, ts("email/email.service.ts", "EmailService.render", 64, 31), nd("node_modules/handlebars/dist/cjs/handlebars/runtime.js", "invokePartial", 332, 11, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="notify", monitor="notify error logs", filter="service:notify status:error", style="sample")),
        classes=(10,), pair="ud-sms-429", entry="POST /emails/confirmation", **PINO),
    # A latency metric on the booking API: a problem, no bug named.
    Bug("ud-booking-latency", "booking", (),
        (see("datadog.metric", 2, monitor="booking p99 latency", scope="service:booking", team="booking", metric="trace.aspnet_core.request.duration", query="percentile(last_10m):p99:trace.aspnet_core.request.duration{service:booking} > 3", event_type="metric_alert_monitor", status="trace.aspnet_core.request.duration over service:booking was > 3.0 during the last 10m", text="booking p99 is {n}.{idx}s."),),
        classes=(8,)),
    # A Sentry metric alert on the notifier's error count.
    Bug("ud-notify-error-count", "notify", (),
        (see("sentry.metric", 2, rule="notify errors above 100 an hour", aggregate="count()", dataset="events", threshold=100, threshold_type=0, window=60, description="{n}0 events in the last 60 minutes"),),
        classes=(8,)),
    # Slow EF queries logged as warnings: durations of varying shape.
    Bug("ud-slow-query", "booking", (),
        (see("splunk", 3, search="booking - slow queries", line='{"Timestamp":"{ts}","EventId":20101,"LogLevel":"Warning","Category":"Microsoft.EntityFrameworkCore.Database.Command","Message":"Executed DbCommand ({ms}ms) [Parameters=[@__clinicId_0=\'?\' (DbType = Guid)], CommandType=\'Text\', CommandTimeout=\'30\']"}'), see("datadog.log", 2, team="booking", monitor="Slow EF queries", filter="service:booking @EventId:20101", text="Executed DbCommand ({ms}ms)")),
        classes=(7,)),
]

NOISE = [
    Noise("ud-noise-deploy", "booking", "datadog.event", {"monitor": "Deployed booking 1.42.0", "text": "GitHub Actions deployed booking 1.42.0 to prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ud-noise-started", "booking", "splunk", {"search": "booking - errors", "line": '{"Timestamp":"{ts}","EventId":0,"LogLevel":"Information","Category":"Microsoft.Hosting.Lifetime","Message":"Application started. Press Ctrl\\u002BC to shut down.","State":{"Message":"Application started. Press Ctrl\\u002BC to shut down.","{OriginalFormat}":"Application started. Press Ctrl\\u002BC to shut down."}}'}),
]

UMBERFIELD = Company(
    key="u",
    name="Umberfield Dental",
    domain="umberfield.example",
    sentry_org="umberfield",
    splunk_url="https://umberfield.splunkcloud.com",
    splunk_guid="C4F1B2D8-0E6A-4A97-B3C5-7E19D2A6F840",
    datadog_org=("615390", "Umberfield Dental"),
    datadog_template="umbrel",
    posthog_project=(93410, "Umberfield notify"),
    releases=("1.41.0", "1.41.1", "1.42.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="umberfield-sentry-client-secret",
)
# fmt: on
