"""(ge) Osmotherley Libraries, a county library service: a Django 4.2 app on Gunicorn 22
(``osmotherley-web``: catalogue, loans, holds, fines; Postgres; Open Library covers over
requests) and cron'd management commands (``osmotherley-cron``: catalogue imports, overdue
notices).

Splunk indexes the containers' stderr (``ge-django-verbose``): the console handler with the
Django docs' ``verbose`` formatter (``{levelname} {asctime} {module} {process:d} {thread:d}
{message}``), ``mail_admins`` off, so ``django.request`` writes ``Internal Server Error:
<path>`` from ``log.py`` over the traceback and the commands write ``logger.exception``'s
message from their module. Sentry: sentry-sdk's Django integration. PostHog: posthog-python's
exception capture. Datadog: APM monitors by type.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import DJANGO_GET, django_integrity, py, pylib

# fmt: off
SERVICES = {
    "osmotherley-web": Service("osmotherley-web", "python", "ge-django-verbose", "docker:gunicorn", "/var/log/containers/osmotherley-web.log", "ge_app", 4420871, "CPython 3.11.10", framework="django"),
    "osmotherley-cron": Service("osmotherley-cron", "python", "ge-django-verbose", "docker:manage", "/var/log/containers/osmotherley-cron.log", "ge_app", 4420872, "CPython 3.11.10", framework="django"),
}
VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_wrapper_view", 23, "return view_func(request, *args, **kwargs)"),
)
CMD = (
    pylib("django.core.management.base", "run_from_argv", 413, "self.execute(*args, **cmd_options)"),
    pylib("django.core.management.base", "execute", 459, "output = self.handle(*args, **options)"),
)
REQ = (
    pylib("requests.models", "json", 978, "raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)"),
)


def view(app: str, fn: str, line: int, ctx: str) -> tuple:
    return (*VIEW, py(f"{app}.views", fn, line, ctx))


def cmd(name: str, line: int, ctx: str) -> tuple:
    return (*CMD, py(f"catalogue.management.commands.{name}", "handle", line, ctx))


WEB = {"search": "osmotherley django errors", "app": "osmotherley"}
CRON = {"search": "osmotherley django errors", "app": "osmotherley", "kind": "app"}
APM = dict(team="library", monitor="[osmotherley] django.request errors", style="type")
DB_FULL = 'connection to server at "db.osmotherley.internal" (10.0.2.5), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections\n'
CONNECT = (
    pylib("django.db.backends.base.base", "ensure_connection", 289, "self.connect()"),
    pylib("django.db.backends.base.base", "connect", 270, "self.connection = self.get_new_connection(conn_params)"),
    pylib("django.db.backends.postgresql.base", "get_new_connection", 275, "connection = self.Database.connect(**conn_params)"),
    pylib("psycopg2", "connect", 122, "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)"),
)

BUGS = [
    Bug("ge-renew-none", "osmotherley-web", (Exc("AttributeError", "'NoneType' object has no attribute 'patron'", (*view("loans", "renew_loan", 48, "if loan.patron.blocked:"),)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4, 5), pair="ge-fine-none", entry="POST /loans/{id}/renew/", span=2, renames={"renew_loan": "renew"}),
    Bug("ge-fine-none", "osmotherley-web", (Exc("AttributeError", "'NoneType' object has no attribute 'patron'", (*view("fines", "pay_fine", 33, "patron = fine.loan.patron"),)),),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="ge-renew-none", entry="POST /fines/{id}/pay/"),
    Bug("ge-book-missing", "osmotherley-web", (Exc("DoesNotExist", "Book matching query does not exist.", (*view("catalogue", "book_detail", 21, "book = Book.objects.get(isbn=isbn)"), *DJANGO_GET), module="catalogue.models.Book"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1)),
        classes=(4,), pair="ge-branch-missing", entry="GET /catalogue/{id}/"),
    Bug("ge-branch-missing", "osmotherley-web", (Exc("DoesNotExist", "Branch matching query does not exist.", (*view("branches", "opening_hours", 15, "branch = Branch.objects.get(slug=slug)"), *DJANGO_GET), module="branches.models.Branch"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="ge-book-missing", entry="GET /branches/{id}/hours/"),
    Bug("ge-hold-dup", "osmotherley-web", django_integrity(view("holds", "place_hold", 39, "Hold.objects.create(book=book, patron=request.user.patron)"), "holds_hold_book_id_patron_id_6c1f2a_uniq", "Key (book_id, patron_id)=({id}, {n}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(1, 4), pair="ge-card-dup", entry="POST /holds/"),
    Bug("ge-card-dup", "osmotherley-web", django_integrity(view("patrons", "issue_card", 57, "LibraryCard.objects.create(number=number, patron=patron)"), "patrons_librarycard_number_key", "Key (number)=(2900{n}) already exists."),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("posthog", 1)),
        classes=(1, 4), pair="ge-hold-dup", entry="POST /patrons/{id}/card/"),
    Bug("ge-overdue-typeerror", "osmotherley-cron", (Exc("TypeError", "'<' not supported between instances of 'NoneType' and 'datetime.date'", (*cmd("send_overdue_notices", 28, "for loan in overdue(today):"), py("loans.services", "overdue_days", 71, "if loan.due_back < today:"))),),
        (see("sentry.error", 3), see("splunk", 3, **CRON)),
        classes=(4,), pair="ge-overdue-valueerror", entry="send_overdue_notices", log="Overdue notice run failed", logger="catalogue.management.commands.send_overdue_notices"),
    Bug("ge-overdue-valueerror", "osmotherley-cron", (Exc("ValueError", "year 0 is out of range", (*cmd("send_overdue_notices", 28, "for loan in overdue(today):"), py("loans.services", "overdue_days", 69, "due = date(loan.due_year, loan.due_month, loan.due_day)"))),),
        (see("sentry.error", 2), see("splunk", 2, **CRON)),
        classes=(4,), pair="ge-overdue-typeerror", entry="send_overdue_notices", log="Overdue notice run failed", logger="catalogue.management.commands.send_overdue_notices"),
    Bug("ge-cover-json", "osmotherley-web", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*view("catalogue", "book_detail", 26, "cover = openlibrary.cover_for(book.isbn)"), py("catalogue.openlibrary", "cover_for", 18, "data = resp.json()"), *REQ), module="requests.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /catalogue/{id}/"),
    Bug("ge-import-unicode", "osmotherley-cron", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xe9 in position {n}: invalid continuation byte", (*cmd("import_catalogue", 44, "for row in csv.DictReader(fh):"), pylib("csv", "__next__", 116, "row = next(self.reader)"), pylib("codecs", "decode", 322, "(result, consumed) = self._buffer_decode(data, self.errors, final)"))),),
        (see("sentry.error", 2), see("splunk", 3, **CRON)),
        classes=(1,), entry="import_catalogue", log="Catalogue import aborted", logger="catalogue.management.commands.import_catalogue"),
    Bug("ge-db-slots", "osmotherley-web", (Exc("OperationalError", DB_FULL, (*view("catalogue", "search", 12, "results = list(qs[:50])"), *CONNECT), module="psycopg2"), Exc("OperationalError", DB_FULL, (*view("catalogue", "search", 12, "results = list(qs[:50])"), *CONNECT[:1], pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value")), module="django.db.utils")),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /catalogue/search/"),
    Bug("ge-events-filter", "osmotherley-web", (Exc("TemplateSyntaxError", "Invalid filter: 'naturalday'", (*view("events", "listing", 19, "return render(request, \"events/list.html\", ctx)"), pylib("django.template.base", "find_filter", 600, "raise TemplateSyntaxError(\"Invalid filter: '%s'\" % filter_name)")), module="django.template.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("posthog", 1)),
        entry="GET /events/"),
    Bug("ge-feed-keyerror", "osmotherley-web", (Exc("KeyError", "'title'", (*VIEW[:2], pylib("django.contrib.syndication.views", "__call__", 40, "feedgen = self.get_feed(obj, request)"), pylib("django.contrib.syndication.views", "get_feed", 189, "title = self._get_dynamic_attr(\"item_title\", item)"), py("events.feeds", "item_title", 22, "return item.extra[\"title\"]"))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="ge-feed-attr", entry="GET /events/feed/"),
    Bug("ge-feed-attr", "osmotherley-web", (Exc("AttributeError", "'Event' object has no attribute 'venue_name'", (*VIEW[:2], pylib("django.contrib.syndication.views", "__call__", 40, "feedgen = self.get_feed(obj, request)"), pylib("django.contrib.syndication.views", "get_feed", 191, "description = self._get_dynamic_attr(\"item_description\", item)"), py("events.feeds", "item_description", 27, "return f\"{item.venue_name}: {item.summary}\""))),),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("posthog", 1)),
        classes=(4,), pair="ge-feed-keyerror", entry="GET /events/feed/"),
    Bug("ge-sitemap-recursion", "osmotherley-web", (Exc("RecursionError", "maximum recursion depth exceeded", (*view("catalogue", "sitemap", 9, "return HttpResponse(render_tree(root))"), py("catalogue.sitemap", "render_tree", 14, "children = [render_tree(c) for c in node.children]"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /sitemap.xml"),
]

NOISE = [
    Noise("ge-noise-gunicorn", "osmotherley-web", "splunk", {"search": "osmotherley django errors", "line": "[{gts} +0000] [1] [INFO] Starting gunicorn 22.0.0\n[{gts} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)\n[{gts} +0000] [1] [INFO] Booting worker with pid: 9"}),
    Noise("ge-noise-recovered", "osmotherley-web", "datadog.event", {"monitor": "[osmotherley] django.request errors", "text": "Recovered: error rate on django.request is back below 2% on osmotherley-web.", "priority": "P3", "event_type": "event_alert", "alert_type": "success"}),
    Noise("ge-noise-deploy", "osmotherley-web", "datadog.event", {"monitor": "Deploy", "text": "osmotherley-web 2026.11.3 deployed by GitHub Actions.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

OSMOTHERLEY = Company(
    key="ge",
    name="Osmotherley Libraries",
    domain="osmotherley-libraries.example",
    sentry_org="osmotherley",
    splunk_url="https://osmotherley.splunkcloud.com",
    splunk_guid="8D3F1C62-9A47-4E15-B02C-6F9A3E7D1B44",
    datadog_org=("713224", "Osmotherley Libraries"),
    datadog_template="recommended",
    posthog_project=(42377, "Osmotherley web"),
    releases=("2026.11.2", "2026.11.3", "2026.11.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="osmotherley-sentry-client-secret",
)
# fmt: on
