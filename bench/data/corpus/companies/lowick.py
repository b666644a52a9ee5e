"""(fv) Lowick Learning, online courses for apprentices: a NestJS 10 API on Node 20
(``courses-api``: enrolments, lessons, quizzes, certificates; TypeORM 0.3 over Postgres,
ioredis for progress caching, the AWS SDK v3 for lesson videos, axios to a mail provider).

Logs: winston 3's JSON format on stdout (``fv-nest-winston``), through nest-winston as Nest's
logger: Nest's ``ExceptionsHandler`` records carry the stack as a one-item array; the
services' own ``this.logger.error(msg, err)`` go to the winston instance, whose
``errors({ stack: true })`` format appends the error's message to the log message. Splunk
indexes them. Sentry: @sentry/nestjs. Datadog: log monitors pasting the record and dd-trace
APM monitors by error type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NEST_HTTP, NODE_TICKS, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nestjs", "8.40.0", "npm:@sentry/nestjs")
SERVICES = {
    "courses-api": Service("courses-api", "node", "fv-nest-winston", "docker:json", "/var/log/lowick/courses-api.log", "lowick_app", 6630051, "node v20.18.0", framework="nestjs", sdk=SDK),
}

TYPEORM_QUERY = (
    nd("node_modules/typeorm/driver/postgres/PostgresQueryRunner.js", "PostgresQueryRunner.query", 219, 19, lib=True, awaited=True),
    NODE_TICKS,
)
TYPEORM_SAVE = (
    nd("node_modules/typeorm/persistence/EntityPersistExecutor.js", "EntityPersistExecutor.execute", 140, 21, lib=True, awaited=True),
    nd("node_modules/typeorm/persistence/SubjectExecutor.js", "SubjectExecutor.executeInsertOperations", 260, 42, lib=True, awaited=True),
    nd("node_modules/typeorm/query-builder/InsertQueryBuilder.js", "InsertQueryBuilder.execute", 106, 33, lib=True, awaited=True),
    *TYPEORM_QUERY,
)
TYPEORM_FIND_OR_FAIL = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 646, 19, lib=True, awaited=True),
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 651, 23, lib=True),
)
AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4224, 41, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3384, 16, lib=True),
)
S3 = (
    nd("node_modules/@smithy/middleware-retry/dist-cjs/index.js", "", 320, 38, lib=True, awaited=True),
    nd("node_modules/@aws-sdk/middleware-sdk-s3/dist-cjs/index.js", "", 170, 20, lib=True, awaited=True),
    nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True),
    nd("node_modules/@aws-sdk/client-s3/dist-cjs/index.js", "de_CommandError", 4843, 14, lib=True, awaited=True),
)
IOREDIS = (
    nd("node_modules/ioredis/built/Redis.js", "Redis.sendCommand", 311, 20, lib=True),
    nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),
)


def ctl(path: str, fn: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*NEST_HTTP, nd(f"src/{path}", fn, line, col, awaited=True), *more)


def svc(path: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"src/{path}", fn, line, col, awaited=True)


API = {"search": "lowick courses-api errors"}
TEAM = {"search": "lowick courses-api errors", "kind": "team"}
DD_LOG = dict(team="platform", monitor="[courses-api] error logs", filter="service:courses-api status:error", style="sample")
APM = dict(team="platform", monitor="[courses-api] error rate by type", style="type")
APM_MSG = dict(team="platform", monitor="[courses-api] error spans", style="message")


def dup(constraint: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*frames, *TYPEORM_SAVE))


def not_found(entity: str, where: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("EntityNotFoundError", f'Could not find any entity of type "{entity}" matching: {{\n    "where": {{\n        "id": "{where}"\n    }}\n}}', (*frames, *TYPEORM_FIND_OR_FAIL))


BUGS = [
    # Unique violations through TypeORM's save on two entities.
    Bug("fv-enrol-dup", "courses-api", (dup("UQ_enrolment_user_course", ctl("enrolments/enrolments.controller.ts", "EnrolmentsController.create", 34, 12, svc("enrolments/enrolments.service.ts", "EnrolmentsService.enrol", 51, 25))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 4), pair="fv-cert-dup", entry="POST /enrolments"),
    Bug("fv-cert-dup", "courses-api", (dup("UQ_certificate_enrolment", ctl("certificates/certificates.controller.ts", "CertificatesController.issue", 22, 12, svc("certificates/certificates.service.ts", "CertificatesService.issue", 40, 20))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fv-enrol-dup", entry="POST /enrolments/{id}/certificate"),
    # findOneOrFail on two entities in one base repository helper.
    Bug("fv-course-missing", "courses-api", (not_found("Course", "{uuid}", ctl("courses/courses.controller.ts", "CoursesController.get", 18, 12, svc("courses/courses.service.ts", "CoursesService.get", 27, 19), svc("common/base.repository.ts", "BaseRepository.getOrFail", 11, 17))),),
        (see("sentry.error", 2), see("splunk", 3, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 4, 9), pair="fv-lesson-missing", entry="GET /courses/{id}"),
    Bug("fv-lesson-missing", "courses-api", (not_found("Lesson", "{uuid}", ctl("lessons/lessons.controller.ts", "LessonsController.get", 25, 12, svc("lessons/lessons.service.ts", "LessonsService.get", 33, 19), svc("common/base.repository.ts", "BaseRepository.getOrFail", 11, 17))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1, 4, 9), pair="fv-course-missing", entry="GET /lessons/{id}"),
    # The quiz grader: an undefined answer weight vs. a negative array length.
    Bug("fv-grade-weight", "courses-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'weight')", ctl("quizzes/quizzes.controller.ts", "QuizzesController.submit", 41, 12, nd("src/quizzes/grading.ts", "gradeAttempt", 18, 37))),),
        (see("sentry.error", 3), see("splunk", 3, **API), see("datadog.log", **DD_LOG)),
        classes=(1,), pair="fv-grade-range", entry="POST /quizzes/{id}/attempts"),
    Bug("fv-grade-range", "courses-api", (Exc("RangeError", "Invalid array length", ctl("quizzes/quizzes.controller.ts", "QuizzesController.submit", 41, 12, nd("src/quizzes/grading.ts", "gradeAttempt", 25, 22))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM_MSG)),
        classes=(1,), pair="fv-grade-weight", entry="POST /quizzes/{id}/attempts", span=2),
    # The mail provider timing out: the reminder cron and the welcome mail, one client.
    Bug("fv-reminder-mail-timeout", "courses-api", (Exc("AxiosError", "timeout of 5000ms exceeded", (nd("node_modules/@nestjs/schedule/dist/schedule.explorer.js", "CronJob.<anonymous>", 119, 29, lib=True, awaited=True), svc("reminders/reminders.cron.ts", "RemindersCron.sendDue", 29, 11), svc("mail/mail.client.ts", "MailClient.send", 17, 22), *AXIOS)),),
        (see("sentry.error", 2), see("splunk", 3, context="RemindersCron", **TEAM), see("datadog.log", **DD_LOG)),
        classes=(1, 9), pair="fv-welcome-mail-timeout", entry="reminders.sendDue", log="reminder batch failed:", logger="RemindersCron"),
    Bug("fv-welcome-mail-timeout", "courses-api", (Exc("AxiosError", "timeout of 5000ms exceeded", (*ctl("auth/auth.controller.ts", "AuthController.register", 30, 12, svc("auth/auth.service.ts", "AuthService.register", 62, 11), svc("mail/mail.client.ts", "MailClient.send", 17, 22)), *AXIOS)),),
        (see("sentry.error", 3), see("splunk", 2, context="AuthService", **TEAM)),
        classes=(1, 9), pair="fv-reminder-mail-timeout", entry="POST /auth/register", log="welcome mail not sent:", logger="AuthService"),
    # Lesson videos: S3 access denied on signing, logged by the service.
    Bug("fv-video-access-denied", "courses-api", (Exc("AccessDenied", "User: arn:aws:sts::481022337611:assumed-role/courses-api-task/{hex} is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::lowick-lesson-video/{uuid}.mp4\" because no identity-based policy allows the s3:GetObject action", (*ctl("lessons/lessons.controller.ts", "LessonsController.video", 48, 12, svc("media/video.service.ts", "VideoService.signedUrl", 24, 27)), *S3)),),
        (see("sentry.error", 2), see("splunk", 2, context="VideoService", **TEAM), see("datadog.apm", **APM)),
        classes=(1,), pair="fv-cert-pdf-denied", entry="GET /lessons/{id}/video", log="could not sign lesson video", logger="VideoService"),
    Bug("fv-cert-pdf-denied", "courses-api", (Exc("AccessDenied", "User: arn:aws:sts::481022337611:assumed-role/courses-api-task/{hex} is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::lowick-certificates/{uuid}.pdf\" because no identity-based policy allows the s3:PutObject action", (*ctl("certificates/certificates.controller.ts", "CertificatesController.download", 37, 12, svc("certificates/certificate-pdf.service.ts", "CertificatePdfService.store", 52, 9)), *S3)),),
        (see("sentry.error", 2), see("splunk", 2, context="CertificatePdfService", **TEAM), see("splunk", 1, **API), see("datadog.log", **DD_LOG)),
        classes=(1,), pair="fv-video-access-denied", entry="GET /enrolments/{id}/certificate.pdf", log="certificate upload failed", logger="CertificatePdfService"),
    # Progress cache: Redis refused, logged and rethrown.
    Bug("fv-progress-redis", "courses-api", (Exc("Error", "connect ECONNREFUSED 10.40.3.17:6379", (*ctl("progress/progress.controller.ts", "ProgressController.get", 15, 12, svc("progress/progress.cache.ts", "ProgressCache.read", 21, 18)), *IOREDIS)),),
        (see("sentry.error", 3), see("splunk", 1, **API), see("splunk", 2, context="ProgressCache", **TEAM), see("datadog.log", **DD_LOG)),
        classes=(1,), entry="GET /progress", log="progress cache read failed", logger="ProgressCache"),
    # Object.keys on a missing settings block: renamed caller in the third release.
    Bug("fv-summary-null", "courses-api", (Exc("TypeError", "Cannot convert undefined or null to object", ctl("progress/progress.controller.ts", "ProgressController.summary", 27, 12, svc("progress/progress.service.ts", "ProgressService.summary", 44, 30), nd("<anonymous>", "Function.keys", 0, 0, lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, **API)),
        classes=(1, 5), entry="GET /progress/summary", span=3, renames={"ProgressService.summary": "ProgressService.buildSummary"}),
    Bug("fv-jwt-singleton", "courses-api", (Exc("JsonWebTokenError", "jwt malformed", ctl("auth/jwt.guard.ts", "JwtGuard.canActivate", 19, 20, nd("node_modules/jsonwebtoken/verify.js", "module.exports [as verify]", 70, 17, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /me"),
    # TypeORM's slow query warnings through winston: template rows.
    Bug("fv-slow-query", "courses-api", (),
        (see("splunk", 3, search="lowick slow queries", line='{"context":"TypeOrmLogger","level":"warn","message":"query is slow: SELECT \\"Lesson\\".\\"id\\" AS \\"Lesson_id\\" FROM \\"lesson\\" \\"Lesson\\" WHERE \\"Lesson\\".\\"course_id\\" = $1 -- PARAMETERS: [\\"{uuid}\\"] execution time: 1{n}","timestamp":"{tsms}"}'),),
        classes=(7,)),
]

NOISE = [
    Noise("fv-noise-started", "courses-api", "splunk", {"search": "lowick courses-api errors", "line": '{"context":"NestApplication","level":"info","message":"Nest application successfully started","timestamp":"{tsms}"}'}),
    Noise("fv-noise-deploy", "courses-api", "datadog.event", {"monitor": "Deploy", "text": "courses-api 3.18.2 rolled out on ECS (4/4 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fv-noise-recovered", "courses-api", "datadog.log", {"monitor": "[courses-api] error logs", "text": "Recovered: error logs on courses-api below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

LOWICK = Company(
    key="fv",
    name="Lowick Learning",
    domain="lowick-learning.example",
    sentry_org="lowick",
    splunk_url="https://lowick.splunkcloud.com",
    splunk_guid="8A2B4C6D-1E3F-4A5B-9C7D-0E1F2A3B4C5D",
    datadog_org=("712204", "Lowick Learning"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.18.0", "3.18.1", "3.18.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lowick-sentry-client-secret",
)
# fmt: on
