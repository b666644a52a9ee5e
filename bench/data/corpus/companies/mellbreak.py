"""(jk) Mellbreak Tutors, a marketplace booking private tutors: NestJS 10 on Express and Node 20,
TypeORM 0.3 on PostgreSQL. ``lessons-api`` serves the REST API (bookings, tutors, payouts);
``lessons-worker`` is a second Nest application running BullMQ 5 processors
(``@Processor``/``WorkerHost``) for reminders, video-room set-up and payout batches.

Logs: the API runs nestjs-pino in production (``jk-nest-pino``: ``ExceptionsHandler`` records
with ``err.type``/``err.message``/``err.stack``); its first release still ran Nest's own
``ConsoleLogger`` (``jk-nest-console``), as the worker still does (the processors' ``failed``
listener logs ``Job <name>#<id> failed: <message>`` with the stack). A universal forwarder sends
both to Splunk. Sentry: ``@sentry/nestjs`` (``SentryGlobalFilter``, the worker capturing in its
``failed`` listener). Datadog: log monitors pasting ``{{log.message}}``, no APM. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import BULLMQ_JOB, NEST_HTTP, NODE_TICKS, TYPEORM_INSERT, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nestjs", "8.38.0", "npm:@sentry/nestjs")
SERVICES = {
    "lessons-api": Service("lessons-api", "node", "jk-nest-pino", "mellbreak:nest", "/var/log/containers/lessons-api.log", "mb_prod", 8920021, "node v20.17.0", framework="nestjs", sdk=SDK),
    "lessons-worker": Service("lessons-worker", "node", "jk-nest-console", "mellbreak:nest", "/var/log/containers/lessons-worker.log", "mb_prod", 8920024, "node v20.17.0", framework="nestjs", sdk=SDK),
}


def src(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd("src/" + file, fn, line, col, awaited=awaited)


TYPEORM_FIND_FAIL = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 606, 19, lib=True, awaited=True),
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 612, 19, lib=True),
)
AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4224, 41, lib=True, awaited=True),
    NODE_TICKS,
)
AXIOS_TIMEOUT = (nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3198, 16, lib=True),)
AXIOS_STATUS = (nd("node_modules/axios/dist/node/axios.cjs", "settle", 1983, 12, lib=True),)
DATE_FNS = nd("node_modules/date-fns/format.js", "format", 358, 11, lib=True)
PG_POOL = (NODE_TICKS, nd("node_modules/pg-pool/index.js", "Timeout._onTimeout", 205, 27, lib=True))


def dup(constraint: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*app, *TYPEORM_INSERT)),)


def notfound(entity: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("EntityNotFoundError", f'Could not find any entity of type "{entity}" matching: {{\n    "id": "{{uuid}}"\n}}', (*app, src("common/repo.ts", "findByIdOrFail", 12, 10), *TYPEORM_FIND_FAIL)),)


def job(name: str, message: str) -> dict[str, str]:
    return dict(log=f"Job {name}#{{n}} failed: {message}")


CONSOLE = dict(format="jk-nest-console")
S_API = dict(search="lessons-api - errors", app="mb_search")
S_WRK = dict(search="lessons-worker - failed jobs", app="mb_search")
DD_API = dict(team="marketplace", monitor="[lessons-api] error logs", filter="service:lessons-api status:error", style="sample", sample_lines=4)
DD_WRK = dict(team="marketplace", monitor="[lessons-worker] failed jobs", filter='service:lessons-worker "failed:"', style="sample", sample_lines=6)

BOOKING = (*NEST_HTTP, src("bookings/bookings.controller.ts", "BookingsController.create", 41, 28), src("bookings/bookings.service.ts", "BookingsService.create", 77, 22))
REVIEW = (*NEST_HTTP, src("reviews/reviews.controller.ts", "ReviewsController.create", 29, 28), src("reviews/reviews.service.ts", "ReviewsService.create", 44, 22))
REMINDERS = (*BULLMQ_JOB, src("reminders/reminders.processor.ts", "RemindersProcessor.process", 31, 20))
ROOMS = (*BULLMQ_JOB, src("rooms/rooms.processor.ts", "RoomsProcessor.process", 26, 14))
PAYOUTS = (*BULLMQ_JOB, src("payouts/payouts.processor.ts", "PayoutsProcessor.process", 38, 18))

BUGS = [
    # Unique violations on two tables through TypeORM's insert.
    Bug("jk-booking-dup", "lessons-api", dup("UQ_booking_tutor_slot", BOOKING),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_API), see("splunk", **S_API, **CONSOLE, release=0), see("datadog.log", **DD_API)),
        classes=(4,), pair="jk-review-dup", entry="POST /v1/bookings"),
    Bug("jk-review-dup", "lessons-api", dup("UQ_review_booking", REVIEW),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4,), pair="jk-booking-dup", entry="POST /v1/bookings/{booking}/review"),
    # One undefined read at two code locations: the API's quote and the payout batch.
    Bug("jk-quote-rate", "lessons-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'hourlyRate')", (*NEST_HTTP, src("tutors/tutors.controller.ts", "TutorsController.quote", 52, 32), src("tutors/pricing.service.ts", "PricingService.quote", 23, 41, awaited=False))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("splunk", **S_API, **CONSOLE, release=0), see("datadog.log", 2, **DD_API)),
        classes=(4, 5), pair="jk-payout-rate", entry="GET /v1/tutors/{tutor}/quote", span=2, renames={"TutorsController.quote": "TutorsController.getQuote"}),
    Bug("jk-payout-rate", "lessons-worker", (Exc("TypeError", "Cannot read properties of undefined (reading 'hourlyRate')", (*PAYOUTS, src("payouts/payout-calculator.ts", "PayoutCalculator.lineFor", 61, 37, awaited=False))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **DD_WRK)),
        classes=(4,), pair="jk-quote-rate", logger="PayoutsProcessor", entry="payouts", **job("run-payouts", "Cannot read properties of undefined (reading 'hourlyRate')")),
    # findOneOrFail through one repository helper on two entities.
    Bug("jk-lesson-missing", "lessons-api", notfound("Lesson", (*NEST_HTTP, src("lessons/lessons.controller.ts", "LessonsController.reschedule", 66, 30), src("lessons/lessons.service.ts", "LessonsService.reschedule", 102, 32))),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4, 9), pair="jk-tutor-missing", entry="PATCH /v1/lessons/{lesson}"),
    Bug("jk-tutor-missing", "lessons-api", notfound("Tutor", (*NEST_HTTP, src("tutors/tutors.controller.ts", "TutorsController.availability", 38, 30), src("tutors/availability.service.ts", "AvailabilityService.forWeek", 29, 30))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4, 9), pair="jk-lesson-missing", entry="GET /v1/tutors/{tutor}/availability"),
    # One video-room client under a timeout and a 401.
    Bug("jk-room-timeout", "lessons-worker", (Exc("AxiosError", "timeout of 10000ms exceeded", (*ROOMS, src("rooms/meeting.client.ts", "MeetingClient.createRoom", 44, 24), *AXIOS, *AXIOS_TIMEOUT)),),
        (see("sentry.error", 3), see("splunk", 2, **S_WRK), see("datadog.log", 2, **DD_WRK)),
        classes=(9,), pair="jk-room-401", logger="RoomsProcessor", entry="rooms", **job("create-room", "timeout of 10000ms exceeded")),
    Bug("jk-room-401", "lessons-worker", (Exc("AxiosError", "Request failed with status code 401", (*ROOMS, src("rooms/meeting.client.ts", "MeetingClient.createRoom", 44, 24), *AXIOS, *AXIOS_STATUS)),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **DD_WRK)),
        classes=(9,), pair="jk-room-timeout", logger="RoomsProcessor", entry="rooms", **job("create-room", "Request failed with status code 401")),
    # Two reminder failures under one saved search and one monitor.
    Bug("jk-reminder-sms", "lessons-worker", (Exc("RestException", "The 'To' number +44 7700 9{n} is not a valid phone number.", (*REMINDERS, src("reminders/sms.sender.ts", "SmsSender.send", 19, 36), nd("node_modules/twilio/lib/base/Version.js", "", 152, 27, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **S_WRK), see("datadog.log", 2, **DD_WRK)),
        classes=(2,), pair="jk-reminder-mail", logger="RemindersProcessor", entry="reminders", **job("send-reminder", "The 'To' number +44 7700 9{n} is not a valid phone number.")),
    Bug("jk-reminder-mail", "lessons-worker", (Exc("Error", "Invalid login: 535 5.7.8 Username and Password not accepted", (*REMINDERS, src("reminders/mail.sender.ts", "MailSender.send", 27, 18), nd("node_modules/nodemailer/lib/smtp-connection/index.js", "SMTPConnection._formatError", 798, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", 2, **DD_WRK)),
        classes=(2,), pair="jk-reminder-sms", logger="RemindersProcessor", entry="reminders", **job("send-reminder", "Invalid login: 535 5.7.8 Username and Password not accepted")),
    # date-fns' format refusing an invalid date in one helper, from two callers.
    Bug("jk-slot-date", "lessons-api", (Exc("RangeError", "Invalid time value", (*NEST_HTTP, src("lessons/lessons.controller.ts", "LessonsController.calendar", 84, 30), src("lessons/calendar.service.ts", "CalendarService.week", 55, 26, awaited=False), src("common/dates.ts", "formatSlot", 8, 10, awaited=False), DATE_FNS)),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(9,), pair="jk-invoice-date", entry="GET /v1/lessons/calendar"),
    Bug("jk-invoice-date", "lessons-worker", (Exc("RangeError", "Invalid time value", (*PAYOUTS, src("payouts/invoice.builder.ts", "InvoiceBuilder.lines", 33, 21, awaited=False), src("common/dates.ts", "formatSlot", 8, 10, awaited=False), DATE_FNS)),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **DD_WRK)),
        classes=(9,), pair="jk-slot-date", logger="PayoutsProcessor", entry="payouts", **job("run-payouts", "Invalid time value")),
    # Not pairs.
    Bug("jk-pool-timeout", "lessons-api", (Exc("Error", "timeout exceeded when trying to connect", (*NEST_HTTP, src("tutors/tutors.controller.ts", "TutorsController.search", 21, 28), src("tutors/search.service.ts", "SearchService.search", 47, 30), nd("node_modules/typeorm/driver/postgres/PostgresDriver.js", "PostgresDriver.obtainMasterConnection", 1133, 25, lib=True), *PG_POOL)),),
        (see("sentry.error", 2), see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(1,), entry="GET /v1/tutors"),
    Bug("jk-redis-closed", "lessons-worker", (Exc("Error", "Connection is closed.", (nd("node_modules/ioredis/built/redis/event_handler.js", "close", 184, 25, lib=True), nd("node_modules/ioredis/built/Redis.js", "Redis.flushQueue", 532, 28, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK, lines=3), see("datadog.log", **DD_WRK)),
        logger="RemindersProcessor", log="Worker error: Connection is closed.", entry="reminders"),
    Bug("jk-stripe-transfer", "lessons-worker", (Exc("StripeInvalidRequestError", "Insufficient funds in Stripe account. In test mode, you can add funds to your available balance (bypassing your pending balance) by creating a charge with 4000 0000 0000 0077 as the card number.", (*PAYOUTS, src("payouts/stripe.payouts.ts", "StripePayouts.transfer", 22, 16), nd("node_modules/stripe/cjs/RequestSender.js", "RequestSender._handleResponse", 102, 31, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **S_WRK), see("datadog.log", **DD_WRK)),
        logger="PayoutsProcessor", entry="payouts", **job("run-payouts", "Insufficient funds in Stripe account. In test mode, you can add funds to your available balance (bypassing your pending balance) by creating a charge with 4000 0000 0000 0077 as the card number.")),
    Bug("jk-upload-limit", "lessons-api", (Exc("PayloadTooLargeError", "request entity too large", (nd("node_modules/raw-body/index.js", "readStream", 163, 17, lib=True), nd("node_modules/raw-body/index.js", "onData", 249, 7, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **S_API)),
        entry="POST /v1/tutors/{tutor}/documents"),
    # A singleton: a JSON column with a trailing comma from an old import.
    Bug("jk-json-profile", "lessons-api", (Exc("SyntaxError", "Unexpected token } in JSON at position {n}", (*NEST_HTTP, src("tutors/tutors.controller.ts", "TutorsController.profile", 71, 28), src("tutors/profile.mapper.ts", "toProfile", 14, 22, awaited=False), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/tutors/{tutor}/profile"),
]

NOISE = [
    Noise("jk-noise-started", "lessons-api", "splunk", {"search": "lessons-api - errors", "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"lessons-api-6f7c9d-2xkqp","context":"NestApplication","msg":"Nest application successfully started"}'}),
    Noise("jk-noise-recovered", "lessons-worker", "datadog.log", {"monitor": "[lessons-worker] failed jobs", "transition": "Recovered", "alert_type": "success", "text": "lessons-worker failed jobs back to normal.", "team": "marketplace"}),
    Noise("jk-noise-deploy", "lessons-api", "datadog.event", {"monitor": "lessons-api deployed", "text": "lessons-api v3.8.1 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

MELLBREAK = Company(
    key="jk",
    name="Mellbreak Tutors",
    domain="mellbreak-tutors.example",
    sentry_org="mellbreak",
    splunk_url="https://mellbreak.splunkcloud.com",
    splunk_guid="3D4E5F60-89BB-4C1D-9E2F-A0B1C2D38920",
    datadog_org=("892020", "Mellbreak Tutors"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v3.7.4", "v3.8.0", "v3.8.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mellbreak-sentry-client-secret",
)
# fmt: on
