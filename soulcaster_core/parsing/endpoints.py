"""One name for a route or a job, however a tool spells it.

Sentry names the transaction ``POST /api/tenancies/{tenancy_id}/renewal-offer``, Datadog's APM
the resource ``post_/api/tenancies/{tenancy_id}/renewal-offer`` (a tag value, lower case), a
JSON access log the path ``/api/tenancies/8812/renewal-offer``; a task is
``reports.tasks.build_weekly`` or ``ArrearsReportJob.report``. ``endpoint_name`` brings them to
one form: no method, no scheme or host, no query, no parameters or ids in the path, lower case.
"""

from __future__ import annotations

import re

_METHOD = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?:[ _]+|(?=/))", re.IGNORECASE)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.IGNORECASE)
# A path segment that names a parameter ({id}, :id, <int:id>, [slug], *) rather than a place.
_PARAMETER = re.compile(r"^(?:\{.*\}|:.+|<.*>|\[.*\]|\*+|_\w+_|\$\w*)$")
# A segment that is a value: a number, a UUID or a long hex id, or digits with a few letters;
# also a numbered file ("labels/291919.pdf": one label's document).
_VALUE = re.compile(
    r"^(?:[\d.,_-]+|[0-9a-f-]{12,}|(?=\D*\d)[\w-]{12,}|\d+\.[a-z]{2,5})$", re.IGNORECASE
)
#: The fields a log record or a result row names its route or job in (OpenTelemetry's
#: ``http.route`` first: it is already a pattern).
ENDPOINT_FIELDS = (
    "http.route",
    "route",
    "http.target",
    "url.path",
    "http.url_details.path",
    "request.path",
    "path",
    "request_path",
    # ASP.NET Core's logging scope, as Serilog, NLog and log4net properties carry it.
    "RequestPath",
    "transaction",
    "resource_name",
    "job",
    "job_name",
    "job_class",
    "task",
    "task_name",
    # Dramatiq names its tasks actors; Sidekiq and Shoryuken their jobs' classes workers.
    "actor_name",
    "actor",
    "worker_class",
    # Temporal's workers log the activity or workflow a failure ran in.
    "ActivityType",
    "activity_type",
    "WorkflowType",
    "workflow_type",
    # Application Insights' telemetry names the function or request by its operation.
    "OperationName",
    # A mobile app's page: the screen an error a client reported to its API happened on.
    "screen",
    "screen_name",
)
#: Longest name read; a longer one is no route.
MAX_CHARS = 512


def endpoint_verb(text: str | None) -> str | None:
    """The HTTP method ``text`` names its route with (``POST /v1/bookings``, Datadog's
    ``post_/v1/bookings``), upper case; None when it names none."""
    text = text.strip() if text else ""
    found = _METHOD.match(text)
    if found is None:
        return None
    rest = text[found.end() :]
    # A path or a URL follows a method; a word does not ("delete_expired_sessions" is a job).
    if not rest.startswith("/") and _URL.match(rest) is None:
        return None
    return found.group(0).strip(" _").upper()


def endpoint_name(text: str | None) -> str | None:
    """``text`` as a route (``api/tenancies/renewal-offer``) or a job name (``reports.tasks.x``)
    compare; None when nothing of it names one."""
    if not text:
        return None
    name = text.strip()
    if not name or len(name) > MAX_CHARS:
        return None
    name = _METHOD.sub("", name)
    name = _URL.sub("", name)
    name = re.split(r"[?#\s]", name, maxsplit=1)[0]
    if name.startswith("routes/"):
        # Remix's and React Router's route ids name the file: "routes/templates.$templateId"
        # is /templates/:templateId ("_index" is the route's own page).
        name = name[len("routes/") :].replace(".", "/").removesuffix("_index").rstrip("/") or "/"
    if "/" not in name:
        return name.lower() or None
    kept = [
        segment.lower()
        for segment in name.split("/")
        if segment and not _PARAMETER.match(segment) and not _VALUE.match(segment)
    ]
    if kept:
        return "/".join(kept)
    # The site's root is a page of its own (a home page's error is not a product page's);
    # a path of parameters or ids only names nothing.
    return "/" if name.strip("/") == "" else None
