"""(es) Esthwaite Insight, a survey and customer-feedback platform: a Django 5.0 / DRF 3.15
API on AWS Elastic Beanstalk (Python 3.11 on Amazon Linux 2023, gunicorn behind nginx;
``survey-api``: surveys, invitations, responses, panels, NPS analytics, exports to S3 with
boto3, PostgreSQL on RDS through psycopg2).

Sentry: sentry-sdk's Django integration (``python``). PostHog: posthog-python's exception
capture in the API. Splunk: the environment's ``web.stdout.log`` streamed to CloudWatch Logs
and pulled by the Splunk Add-on for AWS (``es-eb-web-stdout``: every line carries rsyslog's
``Mon dd HH:MM:SS ip-… web[pid]:`` prefix, Django's "Internal Server Error: <path>" over the
traceback). Datadog: log monitors over the same CloudWatch group through the plugin's
recommended template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "survey-api": Service("survey-api", "python", "es-eb-web-stdout", "aws:cloudwatchlogs", "/aws/elasticbeanstalk/esthwaite-prod/var/log/web.stdout.log", "esthwaite", 3390712, "CPython 3.11.9", framework="django"),
}

GET = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "get", 649, "raise self.model.DoesNotExist("),
)
BOTO = (
    pylib("botocore.client", "_api_call", 565, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1017, "raise error_class(parsed_response, operation_name)"),
)
UPLOAD = py("insight.storage", "upload_bytes", 42, "s3.put_object(Bucket=settings.EXPORT_BUCKET, Key=key, Body=body, ContentType=content_type)")
SEARCH = "survey-api - web.stdout errors"
DD = dict(team="insight", monitor="[survey-api] Internal Server Error on web.stdout", filter="source:elasticbeanstalk service:survey-api status:error", style="sample")
KIND = dict(team="insight", monitor="[survey-api] error kinds", filter="service:survey-api status:error", style="kind")


def view(module: str, function: str, line: int, context: str, *more: Frame) -> tuple[Frame, ...]:
    return (*DJANGO_VIEW, py(module, function, line, context), *more)


def missing(model: str, module: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("DoesNotExist", f"{model} matching query does not exist.", (*frames, *GET), module=module, qual=f"{model}.DoesNotExist"),)


NONE_LOCALE = "'NoneType' object has no attribute 'locale'"

BUGS = [
    # DoesNotExist on two models.
    Bug("es-response-missing", "survey-api", missing("Response", "responses.models", view("responses.views", "retrieve", 58, "response = Response.objects.get(pk=pk, survey__org=request.user.org)")),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, search=SEARCH), see("posthog", 1), see("datadog.log", **DD)),
        classes=(4,), pair="es-survey-missing", entry="GET /api/v1/responses/{id}/"),
    Bug("es-survey-missing", "survey-api", missing("Survey", "surveys.models", view("surveys.views", "publish", 112, "survey = Survey.objects.get(pk=pk, status=Survey.DRAFT)")),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **KIND)),
        classes=(4,), pair="es-response-missing", entry="POST /api/v1/surveys/{id}/publish/"),
    # Unique violations on two tables.
    Bug("es-invite-dup", "survey-api", django_integrity(view("invitations.views", "create", 77, "invite = Invitation.objects.create(survey=survey, email=email)"), "invitations_invitation_survey_id_email_uniq", "Key (survey_id, email)=({id}, {email}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("posthog", 2), see("datadog.log", **DD)),
        classes=(4, 1), pair="es-panel-dup", entry="POST /api/v1/surveys/{id}/invitations/"),
    Bug("es-panel-dup", "survey-api", django_integrity(view("panels.views", "add_member", 64, "PanelMember.objects.create(panel=panel, user=user)"), "panels_panelmember_panel_id_user_id_uniq", "Key (panel_id, user_id)=({id}, {user}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, search=SEARCH)),
        classes=(4,), pair="es-invite-dup", entry="POST /api/v1/panels/{id}/members/"),
    # One serializer's validate(), two exceptions.
    Bug("es-answer-keyerror", "survey-api", (Exc("KeyError", "'choices'", view("responses.views", "create", 41, "serializer.is_valid(raise_exception=True)", pylib("rest_framework.serializers", "run_validation", 444, "value = self.validate(value)"), py("responses.serializers", "validate", 88, 'allowed = {c["id"] for c in question.config["choices"]}'))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("posthog", 1), see("datadog.log", **DD)),
        pair="es-answer-typeerror", entry="POST /api/v1/responses/"),
    Bug("es-answer-typeerror", "survey-api", (Exc("TypeError", "'NoneType' object is not subscriptable", view("responses.views", "create", 41, "serializer.is_valid(raise_exception=True)", pylib("rest_framework.serializers", "run_validation", 444, "value = self.validate(value)"), py("responses.serializers", "validate", 93, 'low, high = question.config["scale"][0], question.config["scale"][1]'))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("posthog", 2)),
        classes=(5,), pair="es-answer-keyerror", entry="POST /api/v1/responses/", span=2),
    # Two S3 errors through one upload helper: export throttling, a logo bucket policy.
    Bug("es-export-slowdown", "survey-api", (Exc("ClientError", "An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.", view("exports.views", "create", 39, "url = export_responses(survey, fmt)", py("exports.service", "export_responses", 71, "upload_bytes(key, body, CSV)"), UPLOAD, *BOTO), module="botocore.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **KIND)),
        classes=(9,), pair="es-logo-denied", entry="POST /api/v1/surveys/{id}/exports/"),
    Bug("es-logo-denied", "survey-api", (Exc("ClientError", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", view("branding.views", "upload_logo", 52, "upload_bytes(key, request.FILES['logo'].read(), ctype)", UPLOAD, *BOTO), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("splunk", search="survey-api - exceptions", half=True), see("posthog", 1), see("datadog.log", **DD)),
        classes=(9,), pair="es-export-slowdown", entry="POST /api/v1/branding/logo/"),
    # The same AttributeError in two places: the invitation mail and the PDF report header.
    Bug("es-invite-locale", "survey-api", (Exc("AttributeError", NONE_LOCALE, view("invitations.views", "resend", 103, "send_invitation(invite)", py("invitations.emails", "send_invitation", 24, "with translation.override(invite.respondent.locale):"))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("posthog", 1)),
        classes=(4,), pair="es-report-locale", entry="POST /api/v1/invitations/{id}/resend/"),
    Bug("es-report-locale", "survey-api", (Exc("AttributeError", NONE_LOCALE, view("reports.views", "pdf", 66, "return render_pdf(survey)", py("reports.pdf", "header", 31, "lang = survey.owner.profile.locale"))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **DD)),
        classes=(4, 5), pair="es-invite-locale", entry="GET /api/v1/surveys/{id}/report.pdf", span=2, renames={"pdf": "report_pdf"}),
    # NPS on a survey with no answered score question.
    Bug("es-nps-divzero", "survey-api", (Exc("ZeroDivisionError", "division by zero", view("analytics.views", "nps", 29, "return Response(nps_summary(survey))", py("analytics.nps", "score", 17, "return round((promoters - detractors) * 100 / total)"))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("splunk", search="survey-api - exceptions", half=True), see("posthog", 1), see("datadog.log", **KIND)),
        entry="GET /api/v1/surveys/{id}/nps/"),
    # A close date typed with hour 24.
    Bug("es-close-at-format", "survey-api", (Exc("ValueError", "time data '{date}T24:00' does not match format '%Y-%m-%dT%H:%M'", view("surveys.views", "schedule", 140, "close_at = parse_close_at(request.data['close_at'])", py("surveys.scheduling", "parse_close_at", 12, "return datetime.strptime(value, '%Y-%m-%dT%H:%M')"), pylib("_strptime", "_strptime_datetime", 554, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 333, "raise ValueError(\"time data %r does not match format %r\" %"))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("posthog", 1)),
        entry="POST /api/v1/surveys/{id}/schedule/"),
    # The database connection dropped by RDS failover.
    Bug("es-rds-failover", "survey-api", (Exc("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", (pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)"),), module="psycopg2"), Exc("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", view("responses.views", "list", 30, "return self.get_paginated_response(page)", pylib("django.db.models.query", "__len__", 380, "self._fetch_all()"), pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)")), module="django.db.utils")),
        (see("sentry.error", 3), see("splunk", 3, search=SEARCH), see("datadog.log", 2, **KIND)),
        classes=(1,), entry="GET /api/v1/surveys/{id}/responses/"),
    # A contacts CSV saved by Excel in Latin-1.
    Bug("es-contacts-unicode", "survey-api", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xe9 in position {n}: invalid continuation byte", view("contacts.views", "import_csv", 47, "rows = list(csv.DictReader(io.StringIO(upload.read().decode())))")),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("posthog", 2)),
        entry="POST /api/v1/contacts/import/"),
    # A reminder template missing for a newly enabled language.
    Bug("es-reminder-template", "survey-api", (Exc("TemplateDoesNotExist", "emails/reminder_{locale}.html", view("invitations.views", "remind", 121, "send_reminder(invite)", py("invitations.emails", "send_reminder", 58, "html = render_to_string(f'emails/reminder_{lang}.html', ctx)"), pylib("django.template.loader", "render_to_string", 61, "template = get_template(template_name, using=using)"), pylib("django.template.loader", "get_template", 19, "raise TemplateDoesNotExist(template_name, chain=chain)")), module="django.template.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", **DD)),
        entry="POST /api/v1/invitations/{id}/remind/"),
    # A singleton: skip logic looping through itself.
    Bug("es-skip-recursion", "survey-api", (Exc("RecursionError", "maximum recursion depth exceeded", view("surveys.views", "preview", 160, "path = resolve_path(survey)", py("surveys.branching", "next_question", 48, "return next_question(rule.target, answers)"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/surveys/{id}/preview/"),
    # gunicorn killing slow workers: template lines.
    Bug("es-worker-timeout", "survey-api", (),
        (see("splunk", 3, search="survey-api - worker timeouts", line="ip-172-31-9-20 web[{pid}]: [{gts} +0000] [{pid}] [CRITICAL] WORKER TIMEOUT (pid:{id})"), see("datadog.log", 2, team="insight", monitor="[survey-api] gunicorn worker timeouts", filter="service:survey-api \"WORKER TIMEOUT\"", text="[CRITICAL] WORKER TIMEOUT (pid:{id}) after {dur}")),
        classes=(7,)),
]

NOISE = [
    Noise("es-noise-eb-health", "survey-api", "datadog.event", {"monitor": "Elastic Beanstalk: esthwaite-prod health", "text": "Environment health has transitioned from Degraded to Ok.", "priority": "P4", "event_type": "event_alert", "alert_type": "success"}),
    Noise("es-noise-deploy", "survey-api", "splunk", {"search": SEARCH, "line": "ip-172-31-9-20 web[{pid}]: [{gts} +0000] [{pid}] [INFO] Booting worker with pid: {id}"}),
]

ESTHWAITE = Company(
    key="es",
    name="Esthwaite Insight",
    domain="esthwaite.example",
    sentry_org="esthwaite",
    splunk_url="https://esthwaite.splunkcloud.com",
    splunk_guid="9A8B7C6D-5E4F-4321-8A9B-0C1D2E3F4A5B",
    datadog_org=("813320", "Esthwaite Insight"),
    datadog_template="recommended",
    posthog_project=(64418, "Esthwaite API"),
    releases=("v88", "v89", "v91"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="esthwaite-sentry-client-secret",
)
# fmt: on
