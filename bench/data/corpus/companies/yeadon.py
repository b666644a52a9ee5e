"""(hx) Yeadon Lettings, a letting agency's platform: a Django 5.0 REST Framework API on
Python 3.11 under gunicorn 22 with sync workers (``lettings-api``: properties, viewings,
tenancies, referencing through an outside agency, rent ledgers and CSV exports streamed to
the landlords' portal; PostgreSQL by psycopg2).

gunicorn's error log (``--error-logfile -``) holds gunicorn's own records,
``[2026-03-05 10:11:12 +0000] [42] [ERROR] Error handling request /api/x`` over the traceback,
for what escapes Django (a WSGI wrapper of the team's, streamed CSV bodies), and, through a
``LOGGING`` formatter that copies gunicorn's look (``[{asctime}] [{process}] [{levelname}]
{name}: {message}``), ``django.request``'s ``Internal Server Error: <path>`` and the code's
own ``logger.exception`` records. No Splunk, no PostHog: Datadog's agent tails the log and the
log monitors paste ``{{log.message}}`` samples (the first lines of the event, as many as each
monitor's author chose). Sentry: sentry-python's Django integration.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_GET, django_integrity, py, pylib

# fmt: off
SERVICES = {
    "lettings-api": Service("lettings-api", "python", "hx-django-request", "", "", "", 7650021, "CPython 3.11.9", framework="django"),
}
# DRF re-raises what the view raised: the traceback passes dispatch twice.
DRF = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.views.decorators.csrf", "_view_wrapper", 65, "return view_func(request, *args, **kwargs)"),
    pylib("rest_framework.viewsets", "view", 124, "return self.dispatch(request, *args, **kwargs)"),
    pylib("rest_framework.views", "dispatch", 509, "response = self.handle_exception(exc)"),
    pylib("rest_framework.views", "handle_exception", 469, "self.raise_uncaught_exception(exc)"),
    pylib("rest_framework.views", "raise_uncaught_exception", 480, "raise exc"),
    pylib("rest_framework.views", "dispatch", 506, "response = handler(request, *args, **kwargs)"),
)
CREATE = (
    pylib("rest_framework.mixins", "create", 19, "self.perform_create(serializer)"),
    pylib("rest_framework.mixins", "perform_create", 24, "serializer.save()"),
    pylib("rest_framework.serializers", "save", 208, "self.instance = self.create(validated_data)"),
)
# gunicorn's sync worker: a WSGI call and the iteration of a streamed body.
GUNICORN = (
    pylib("gunicorn.workers.sync", "handle", 135, "self.handle_request(listener, req, client, addr)"),
)
WSGI_CALL = (
    pylib("gunicorn.workers.sync", "handle_request", 178, "respiter = self.wsgi(environ, resp.start_response)"),
)
STREAM = (
    pylib("gunicorn.workers.sync", "handle_request", 183, "for item in respiter:"),
    pylib("django.http.response", "_get_streaming_content", 417, "return map(self.make_bytes, self._iterator)"),
)
REQUESTS_GET = (
    pylib("requests.api", "get", 73, 'return request("get", url, params=params, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)


def app(module: str, function: str, line: int, context: str) -> Frame:
    return py(module, function, line, context)


def drf(*frames: Frame) -> tuple[Frame, ...]:
    return (*DRF, *frames)


EXPORT_ROW = app("lettings.exports.ledger", "ledger_rows", 44, 'yield writer.writerow([t.ref, t.tenant_name, row["rent_pcm"], row["paid"]])')

REQMON = {"team": "lettings", "monitor": "lettings-api: Internal Server Error", "filter": "service:lettings-api \"Internal Server Error\"", "text": "lettings-api returned a 500.\n\n```\n{{log.message}}\n```", "sample_lines": 14}
REQMON_SHORT = {"team": "lettings", "monitor": "lettings-api: Internal Server Error", "filter": "service:lettings-api \"Internal Server Error\"", "text": "{{log.message}}", "sample_lines": 1}
GUNIMON = {"team": "lettings", "monitor": "gunicorn: Error handling request", "filter": "service:lettings-api source:gunicorn \"Error handling request\"", "format": "hx-gunicorn-handling", "text": "gunicorn could not handle a request on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 24}
APPMON = {"team": "lettings", "monitor": "lettings-api: referencing errors", "filter": "service:lettings-api @logger.name:lettings.referencing.*", "format": "hx-app-record", "text": "Referencing agency trouble:\n\n```\n{{log.message}}\n```", "sample_lines": 30}
APPMON_HEAD = {"team": "lettings", "monitor": "lettings-api: referencing errors", "filter": "service:lettings-api @logger.name:lettings.referencing.*", "format": "hx-app-record", "text": "{{log.message}}", "sample_lines": 1}

BUGS = [
    # One serializer save, two unique constraints.
    Bug("hx-dup-tenancy", "lettings-api", django_integrity(drf(*CREATE, app("lettings.tenancies.serializers", "create", 58, "tenancy = Tenancy.objects.create(**validated_data)")), "tenancies_one_active_per_property", "Key (property_id)=({id}) already exists."),
        (see("sentry.error", 3), see("datadog.log", 2, **REQMON)),
        classes=(4,), pair="hx-dup-viewing", entry="POST /api/tenancies/"),
    Bug("hx-dup-viewing", "lettings-api", django_integrity(drf(*CREATE, app("lettings.viewings.serializers", "create", 41, "return Viewing.objects.create(**validated_data)")), "viewings_property_slot_uniq", "Key (property_id, starts_at)=({id}, 2026-03-14 10:30:00+00) already exists."),
        (see("sentry.error", 2), see("datadog.log", **REQMON), see("datadog.log", **REQMON_SHORT)),
        classes=(4,), pair="hx-dup-tenancy", entry="POST /api/viewings/"),
    # KeyError 'postcode' in two places.
    Bug("hx-postcode-serializer", "lettings-api", (Exc("KeyError", "'postcode'", drf(*CREATE[:1], pylib("rest_framework.serializers", "is_valid", 227, "self._validated_data = self.run_validation(self.initial_data)"), app("lettings.properties.serializers", "validate", 73, 'attrs["outcode"] = attrs["address"]["postcode"].split()[0]')), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **REQMON)),
        classes=(4,), pair="hx-postcode-referencing", entry="POST /api/properties/"),
    Bug("hx-postcode-referencing", "lettings-api", (Exc("KeyError", "'postcode'", drf(app("lettings.referencing.views", "start", 36, "check = start_check(applicant)"), app("lettings.referencing.client", "start_check", 52, '"address": {"postcode": applicant.previous_address["postcode"],')), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", **REQMON)),
        classes=(4, 5), pair="hx-postcode-serializer", entry="POST /api/applicants/{id}/referencing/", span=3),
    # One streamed ledger export: a missing column and a statement timeout (gunicorn's record).
    Bug("hx-export-keyerror", "lettings-api", (Exc("KeyError", "'rent_pcm'", (*GUNICORN, *STREAM, EXPORT_ROW), module="builtins"),),
        (see("sentry.error", 2, mechanism="wsgi"), see("datadog.log", 2, **GUNIMON)),
        classes=(4, 10), pair="hx-export-timeout", entry="GET /api/landlords/{id}/ledger.csv"),
    Bug("hx-export-timeout", "lettings-api", (Exc("QueryCanceled", "canceling statement due to statement timeout\n", (pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)"),), module="psycopg2.errors"), Exc("OperationalError", "canceling statement due to statement timeout\n", (*GUNICORN, *STREAM, app("lettings.exports.ledger", "ledger_rows", 39, "for t in tenancies.iterator(chunk_size=500):"), pylib("django.db.models.query", "_iterator", 516, "yield from iterable"), pylib("django.db.backends.utils", "_execute", 100, "with self.db.wrap_database_errors:"), pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value")), module="django.db.utils")),
        (see("sentry.error", 2, mechanism="wsgi"), see("datadog.log", **GUNIMON), see("datadog.log", **dict(GUNIMON, sample_lines=1))),
        classes=(4,), pair="hx-export-keyerror", entry="GET /api/landlords/{id}/ledger.csv"),
    # The referencing agency: a read timeout and a 502 under one monitor.
    Bug("hx-ref-timeout", "lettings-api", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.refcheck.example', port=443): Read timed out. (read timeout=10)", (app("lettings.referencing.tasks", "poll_checks", 27, "status = client.fetch_status(check.ref)"), app("lettings.referencing.client", "fetch_status", 88, 'resp = requests.get(f"{BASE}/checks/{ref}", timeout=10)'), *REQUESTS_GET), module="requests.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", 2, **APPMON)),
        classes=(9,), pair="hx-ref-502", log="status poll failed for check {ref}", logger="lettings.referencing.tasks", entry="GET /api/referencing/poll/"),
    Bug("hx-ref-502", "lettings-api", (Exc("HTTPError", "502 Server Error: Bad Gateway for url: https://api.refcheck.example/v2/checks/{ref}", (app("lettings.referencing.tasks", "poll_checks", 27, "status = client.fetch_status(check.ref)"), app("lettings.referencing.client", "fetch_status", 89, "resp.raise_for_status()"), pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")), module="requests.exceptions"),),
        (see("sentry.error", 2), see("datadog.log", **APPMON), see("datadog.log", **APPMON_HEAD)),
        classes=(9,), pair="hx-ref-timeout", log="status poll failed for check {ref}", logger="lettings.referencing.tasks", entry="GET /api/referencing/poll/"),
    # Property.DoesNotExist from two views.
    Bug("hx-property-missing-viewing", "lettings-api", (Exc("DoesNotExist", "Property matching query does not exist.", drf(app("lettings.viewings.views", "available_slots", 29, 'prop = Property.objects.get(pk=request.query_params["property"])'), *DJANGO_GET), module="lettings.properties.models", qual="Property.DoesNotExist"),),
        (see("sentry.error", 3), see("datadog.log", **REQMON)),
        classes=(4,), pair="hx-property-missing-ledger", entry="GET /api/viewings/slots/"),
    Bug("hx-property-missing-ledger", "lettings-api", (Exc("DoesNotExist", "Property matching query does not exist.", drf(app("lettings.ledgers.views", "retrieve", 47, "prop = Property.objects.get(pk=pk, landlord=request.user.landlord)"), *DJANGO_GET), module="lettings.properties.models", qual="Property.DoesNotExist"),),
        (see("sentry.error", 2), see("datadog.log", 2, **REQMON)),
        classes=(4,), pair="hx-property-missing-viewing", entry="GET /api/ledgers/{id}/"),
    # Not pairs.
    Bug("hx-wsgi-header", "lettings-api", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xe9 in position 14: invalid continuation byte", (*GUNICORN, *WSGI_CALL, app("lettings.wsgi", "__call__", 31, 'agent = environ.get("HTTP_X_AGENT_BRANCH", "").encode("latin-1").decode("utf-8")')), module="builtins"),),
        (see("sentry.error", 2, mechanism="wsgi"), see("datadog.log", 2, **GUNIMON)),
        classes=(1,), entry="GET /api/properties/"),
    Bug("hx-deposit-decimal", "lettings-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", drf(app("lettings.tenancies.views", "deposit", 88, "amount = Decimal(request.data.get(\"deposit\", \"\"))")), module="decimal"),),
        (see("sentry.error", 3), see("datadog.log", **REQMON), see("datadog.log", **REQMON_SHORT)),
        classes=(1,), entry="POST /api/tenancies/{id}/deposit/"),
    Bug("hx-rent-none", "lettings-api", (Exc("TypeError", "unsupported operand type(s) for *: 'NoneType' and 'int'", drf(app("lettings.ledgers.views", "arrears", 112, "expected = tenancy.rent_pcm * months"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **REQMON)),
        classes=(5,), entry="GET /api/ledgers/{id}/arrears/", span=2, renames={"arrears": "arrears_summary"}),
    Bug("hx-inventory-pdf", "lettings-api", (Exc("OSError", "cannot write mode RGBA as JPEG", drf(app("lettings.inventories.views", "upload_photo", 61, 'image.save(buf, format="JPEG", quality=82)'), pylib("PIL.Image", "save", 2568, "save_handler(self, fp, filename)"), pylib("PIL.JpegImagePlugin", "_save", 650, 'raise OSError(msg) from e')), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", **dict(REQMON, sample_lines=6))),
        classes=(1,), entry="POST /api/inventories/{id}/photos/"),
    Bug("hx-ref-log-only", "lettings-api", (Exc("RefcheckRejected", "applicant {id} rejected by agency: code R-{n}", (app("lettings.referencing.tasks", "poll_checks", 34, 'logger.error("agency rejected the check payload: %s", body["error"])'),), module="lettings.referencing.client"),),
        (see("datadog.log", 2, **dict(APPMON, bare=True, sample_lines=3)), see("sentry.error")),
        classes=(1,), message_event=True, log="agency rejected the check payload: invalid_dob", logger="lettings.referencing.tasks", entry="GET /api/referencing/poll/"),
    Bug("hx-singleton-recursion", "lettings-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", drf(app("lettings.properties.views", "tree", 19, "return Response(build_tree(root))"), app("lettings.properties.tree", "build_tree", 8, "return {\"id\": node.id, \"children\": [build_tree(c) for c in node.children()]}")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/properties/{id}/tree/"),
]

NOISE = [
    Noise("hx-noise-recovered", "lettings-api", "datadog.log", {"monitor": "lettings-api: Internal Server Error", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "service:lettings-api \"Internal Server Error\"", "text": "No more 500s from lettings-api."}),
    Noise("hx-noise-nodata", "lettings-api", "datadog.log", {"monitor": "gunicorn: Error handling request", "transition": "No Data", "alert_type": "warning", "team": "lettings", "filter": "service:lettings-api source:gunicorn", "text": "No logs from gunicorn on lettings-api for 30 minutes."}),
    Noise("hx-noise-sentry-metric", "lettings-api", "sentry.metric", {"rule": "lettings-api error rate", "aggregate": "count()", "dataset": "events", "action": "resolved", "value": "{n}", "threshold": 100}),
]

YEADON = Company(
    key="hx",
    name="Yeadon Lettings",
    domain="yeadon-lettings.example",
    sentry_org="yeadon-lettings",
    splunk_url="",
    splunk_guid="",
    datadog_org=("765002", "Yeadon Lettings"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("4.12.0", "4.12.1", "4.13.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yeadon-sentry-client-secret",
)
# fmt: on
