"""(cq) Quayhead Museums Trust, three harbour museums: a Django 5 + Wagtail 6 site
(``museum-web``: exhibitions, events and bookings, memberships, the collections search)
under gunicorn's sync workers, and a django-q2 cluster (``museum-q``: newsletter digests,
membership renewals through Stripe, collection imports from the cataloguing system, the
mailing-list sync). Python 3.11, PostgreSQL through psycopg2.

Splunk takes three streams: Django's documented ``verbose`` formatter on the console
(``django.request``'s "Internal Server Error" with the traceback), gunicorn's own error log
(its boot lines, ``WORKER TIMEOUT`` and the ``SystemExit`` traceback of the aborted request,
``SIGKILL`` lines when the kernel kills a worker), and the cluster's ``[Q]`` log, whose
"Failed" line carries the whole traceback as the task's result. Sentry: sentry-python with
its Django integration, and django-q-sentry as the cluster's error reporter. PostHog:
posthog-python's exception autocapture on the site. Datadog: APM by error type on the site
and log monitors, Datadog's default payload (no custom header).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "museum-web": Service("museum-web", "python", "cq-django-verbose", "quayhead:web:django", "/var/log/quayhead/web.log", "qh_web", 5540041, "CPython 3.11.9", framework="django"),
    "museum-q": Service("museum-q", "python", "cq-djangoq", "quayhead:qcluster", "/var/log/quayhead/qcluster.log", "qh_web", 5540044, "CPython 3.11.9", framework="generic"),
}

REQUEST = DJANGO_VIEW[:2]
# gunicorn's sync worker handing the request to Django's WSGI handler (oldest first).
GUNICORN = (
    pylib("gunicorn.workers.sync", "handle", 134, "self.handle_request(listener, req, client, addr)"),
    pylib("gunicorn.workers.sync", "handle_request", 177, "respiter = self.wsgi(environ, resp.start_response)"),
    pylib("django.core.handlers.wsgi", "__call__", 124, "response = self.get_response(request)"),
    pylib("django.core.handlers.base", "get_response", 140, "response = self._middleware_chain(request)"),
    *REQUEST,
)
# The SIGABRT the arbiter sends a worker past its timeout, raised wherever the worker was.
ABORT = pylib("gunicorn.workers.base", "handle_abort", 204, "sys.exit(1)")
QUERY = (
    pylib("django.db.models.query", "__iter__", 400, "self._fetch_all()"),
    pylib("django.db.models.query", "_fetch_all", 1928, "self._result_cache = list(self._iterable_class(self))"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1574, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)"),
)
# Wagtail serving a page: its route to the page, then the page's own serve().
WAGTAIL_SERVE = (
    *REQUEST,
    pylib("wagtail.views", "serve", 26, "return page.serve(request, *args, **kwargs)"),
    pylib("wagtail.models", "serve", 2108, "self.get_context(request, *args, **kwargs),"),
)
# A TemplateResponse rendered after the view returned: {% url %} inside a {% for %}.
TEMPLATE_URL = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 220, "response = response.render()"),
    pylib("django.template.response", "render", 114, "self.content = self.rendered_content"),
    pylib("django.template.response", "rendered_content", 92, "return template.render(context, self._request)"),
    pylib("django.template.backends.django", "render", 107, "return self.template.render(context)"),
    pylib("django.template.base", "render", 171, "return self._render(context)"),
    pylib("django.template.base", "render_annotated", 1008, "return self.render(context)"),
    pylib("django.template.defaulttags", "render", 243, "nodelist.append(node.render_annotated(context))"),
    pylib("django.template.base", "render_annotated", 1008, "return self.render(context)"),
    pylib("django.template.defaulttags", "render", 480, "url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)"),
    pylib("django.urls.base", "reverse", 88, "return resolver._reverse_with_prefix(view, prefix, *args, **kwargs)"),
    pylib("django.urls.resolvers", "_reverse_with_prefix", 831, "raise NoReverseMatch(msg)"),
)
Q_WORKER = (pylib("django_q.worker", "worker", 97, 'res = f(*task["args"], **task["kwargs"])'),)
# Both partners are called through one helper that posts JSON with a 10 s timeout.
POST_JSON = (
    py("quayhead.integrations.http", "post_json", 23, "response = requests.post(url, json=payload, headers=headers, timeout=10)"),
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.api", "request", 59, "return session.request(method=method, url=url, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
PG_SLOTS = 'connection to server at "10.40.2.11", port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections\n'
NO_URL = "'NoneType' object has no attribute 'url'"

WEB_SEARCH = {"search": "museum-web errors"}
Q_SEARCH = {"search": "museum-q failed tasks"}
GUNICORN_SEARCH = {"search": "gunicorn error log", "format": "gunicorn", "sourcetype": "quayhead:gunicorn", "source": "/var/log/quayhead/gunicorn-error.log"}

Q_MONITOR = {"monitor": "django-q failed tasks", "team": "digital", "filter": "service:museum-q \"[Q] ERROR Failed\"", "text": "A django-q task failed:\n\n{{log.message}}", "sample_lines": 1}
APM = {"monitor": "museum-web errors by type", "team": "digital"}
TIMEOUTS = {"monitor": "gunicorn worker timeouts", "team": "digital", "filter": "service:museum-web source:gunicorn (\"WORKER TIMEOUT\" OR \"Error handling request\")", "text": "gunicorn aborted a worker on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 3, "format": "gunicorn"}


def sysexit(*app: Frame) -> tuple[Exc, ...]:
    return (Exc("SystemExit", "1", (*GUNICORN, *app, *QUERY, ABORT), module="builtins"),)


BUGS = [
    # An exhibition without a hero image, and the newsletter digest reading the same field of an event.
    Bug("cq-exhibition-hero-none", "museum-web", (Exc("AttributeError", NO_URL, (*WAGTAIL_SERVE, py("exhibitions.models", "get_context", 88, "context[\"hero_url\"] = self.hero_image.get_rendition(\"fill-1600x900\").url"), py("exhibitions.models", "hero_rendition", 61, "return self.hero_image.get_rendition(spec).url"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WEB_SEARCH), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="cq-digest-image-none", entry="GET /exhibitions/{slug}/", span=2),
    Bug("cq-digest-image-none", "museum-q", (Exc("AttributeError", NO_URL, (*Q_WORKER, py("newsletter.tasks", "build_digest", 42, "items = [digest_item(event) for event in upcoming]"), py("newsletter.digest", "digest_item", 19, "\"image\": event.listing_image.file.url,"))),),
        (see("sentry.error", 2), see("splunk", 2, **Q_SEARCH), see("datadog.log", **Q_MONITOR)),
        classes=(4,), pair="cq-exhibition-hero-none", entry="newsletter.tasks.build_digest"),
    # A unique violation per table: a visitor booking one event slot twice, an accession number imported twice.
    Bug("cq-booking-unique", "museum-web", django_integrity((*REQUEST, py("events.views", "book_slot", 57, "booking = Booking.objects.create(slot=slot, email=form.cleaned_data[\"email\"], tickets=form.cleaned_data[\"tickets\"])")), "events_booking_slot_id_email_key", "Key (slot_id, email)=({n}, {email}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **WEB_SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="cq-accession-unique", entry="POST /events/{slug}/book/"),
    Bug("cq-accession-unique", "museum-q", django_integrity((*Q_WORKER, py("collections_app.tasks", "import_batch", 71, "created = [import_record(rec) for rec in batch]"), py("collections_app.importer", "import_record", 38, "return CollectionObject.objects.create(**fields)")), "collections_app_collectionobject_accession_number_key", "Key (accession_number)=(QH.{n}.{idx}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **Q_SEARCH), see("datadog.log", **Q_MONITOR)),
        classes=(4,), pair="cq-booking-unique", entry="collections_app.tasks.import_batch"),
    # One pricing function, two exceptions: a zero-ticket group booking, a concession type the price table lacks.
    Bug("cq-concession-invalid-op", "museum-web", (Exc("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]", (*REQUEST, py("tickets.views", "basket", 34, "lines = [price_line(item) for item in basket.items.all()]"), py("tickets.pricing", "concession_price", 27, "per_head = (group_price / Decimal(tickets)).quantize(PENNY)")), module="decimal"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB_SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="cq-concession-keyerror", entry="GET /tickets/basket/"),
    Bug("cq-concession-keyerror", "museum-web", (Exc("KeyError", "'young_carer'", (*REQUEST, py("tickets.views", "basket", 34, "lines = [price_line(item) for item in basket.items.all()]"), py("tickets.pricing", "concession_price", 22, "rate = CONCESSIONS[item.concession]"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **WEB_SEARCH), see("posthog"), see("datadog.apm", **APM)),
        classes=(4, 5), pair="cq-concession-invalid-op", entry="GET /tickets/basket/", span=2),
    # Two partners timing out behind one helper: the mailing-list provider (cluster) and the ticketing partner (site).
    Bug("cq-mailinglist-timeout", "museum-q", (Exc("ReadTimeout", "HTTPSConnectionPool(host='us14.api.mailinglist.example', port=443): Read timed out. (read timeout=10)", (*Q_WORKER, py("newsletter.tasks", "sync_subscribers", 58, "post_json(f\"{LIST_API}/lists/{LIST_ID}/members/batch\", payload)"), *POST_JSON), module="requests.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **Q_SEARCH), see("datadog.log", **Q_MONITOR)),
        classes=(9,), pair="cq-ticketing-timeout", entry="newsletter.tasks.sync_subscribers"),
    Bug("cq-ticketing-timeout", "museum-web", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.ticketpartner.example', port=443): Read timed out. (read timeout=10)", (*REQUEST, py("events.views", "checkout", 92, "order = ticketing.create_order(basket)"), py("events.ticketing", "create_order", 31, "return post_json(f\"{TICKETING_API}/orders\", order_payload(basket))"), *POST_JSON), module="requests.exceptions"),),
        (see("sentry.error", 2), see("sentry.alert", rule="Checkout errors"), see("splunk", 2, **WEB_SEARCH), see("datadog.apm", **APM)),
        classes=(9,), pair="cq-mailinglist-timeout", entry="POST /events/checkout/"),
    # Two slow pages aborted by gunicorn's 30 s timeout, under one log monitor: the collections search and the CSV export.
    Bug("cq-search-worker-timeout", "museum-web", sysexit(py("search.views", "search", 38, "results = list(search_backend.search(query, CollectionObject.objects.live())[:500])"), pylib("wagtail.search.backends.database.postgres.postgres", "_do_search", 487, "return list(queryset)")),
        (see("splunk", 3, **GUNICORN_SEARCH), see("datadog.log", 2, **TIMEOUTS)),
        classes=(4, 9), pair="cq-export-worker-timeout", entry="GET /collections/search/"),
    Bug("cq-export-worker-timeout", "museum-web", sysexit(py("collections_app.views", "export_csv", 64, "writer.writerow(export_row(obj))"), py("collections_app.exports", "export_row", 17, "\", \".join(m.name for m in obj.makers.all()),")),
        (see("splunk", 2, **GUNICORN_SEARCH), see("datadog.log", **TIMEOUTS)),
        classes=(4, 9), pair="cq-search-worker-timeout", entry="GET /collections/export.csv"),
    # The events listing's {% url 'event_detail' event.slug %} for an event saved without a slug: only Django's frames.
    Bug("cq-events-noreverse", "museum-web", (Exc("NoReverseMatch", "Reverse for 'event_detail' with arguments '('',)' not found. 1 pattern(s) tried: ['events/(?P<slug>[-a-zA-Z0-9_]+)/\\\\Z']", TEMPLATE_URL, module="django.urls.exceptions"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WEB_SEARCH), see("datadog.apm", **APM)),
        entry="GET /events/"),
    # A truncated upload: Pillow gives up when Wagtail makes the listing's rendition.
    Bug("cq-rendition-truncated", "museum-web", (Exc("OSError", "image file is truncated ({idx} bytes not processed)", (*WAGTAIL_SERVE, py("exhibitions.models", "get_context", 91, "context[\"gallery\"] = [img.get_rendition(\"width-800\") for img in self.gallery_images()]"), pylib("wagtail.images.models", "get_rendition", 673, "rendition = self.create_rendition(filter)"), pylib("wagtail.images.models", "create_rendition", 760, "generated_image = filter.run(self, BytesIO())"), pylib("PIL.ImageFile", "load", 288, "raise OSError(msg)"))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB_SEARCH), see("posthog", 2)),
        entry="GET /exhibitions/{slug}/"),
    # Black-Friday membership push: the pool of 100 Postgres connections exhausted.
    Bug("cq-pg-slots", "museum-web", (Exc("OperationalError", PG_SLOTS, (pylib("django.db.backends.base.base", "connect", 275, "self.connection = self.get_new_connection(conn_params)"), Frame("connect", "psycopg2/__init__.py", 122, "psycopg2", False, "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)")), module="psycopg2"), Exc("OperationalError", PG_SLOTS, (*REQUEST, py("membership.views", "join", 29, "tiers = list(MembershipTier.objects.filter(live=True))"), *QUERY[:2], pylib("django.db.backends.base.base", "ensure_connection", 298, "with self.wrap_database_errors:"), pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value")), module="django.db.utils")),
        (see("sentry.error", 2), see("splunk", 2, **WEB_SEARCH), see("datadog.apm", 2, **APM)),
        entry="GET /membership/join/"),
    # Renewals for a member whose Stripe customer was deleted; the task renamed in the next release.
    Bug("cq-renewal-no-customer", "museum-q", (Exc("InvalidRequestError", "Request req_{hex}: No such customer: 'cus_{giftcode}'", (*Q_WORKER, py("membership.tasks", "renew_memberships", 33, "charge_renewal(member)"), py("membership.billing", "charge_renewal", 48, "invoice = stripe.Invoice.create(customer=member.stripe_customer_id, auto_advance=True)"), pylib("stripe._createable_api_resource", "create", 22, "cls._static_request("), pylib("stripe._api_requestor", "_interpret_response", 816, "self.handle_error_response(rbody, rcode, resp.data, rheaders)")), module="stripe._error"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **Q_SEARCH), see("datadog.log", **Q_MONITOR)),
        classes=(5,), entry="membership.tasks.renew_memberships", span=3, renames={"renew_memberships": "renew_due_memberships"}),
    # The kernel's OOM killer taking gunicorn workers that render the full-size gallery: the arbiter's lines only.
    Bug("cq-worker-sigkill", "museum-web", (),
        (see("splunk", 3, search="gunicorn error log", sourcetype="quayhead:gunicorn", source="/var/log/quayhead/gunicorn-error.log", line="[{gts} +0000] [1] [ERROR] Worker (pid:{pid}) was sent SIGKILL! Perhaps out of memory?"), see("datadog.log", monitor="gunicorn workers killed", team="digital", filter="service:museum-web source:gunicorn SIGKILL", text="gunicorn on {{log.host}}: Worker (pid:{pid}) was sent SIGKILL! Perhaps out of memory?")),
        classes=(7,)),
    # Seen once: the relay dropping the connection during the digest send.
    Bug("cq-digest-smtp-dropped", "museum-q", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", (*Q_WORKER, py("newsletter.tasks", "send_digest", 77, "connection.send_messages(messages)"), pylib("django.core.mail.backends.smtp", "send_messages", 139, "sent = self._send(message)"), pylib("smtplib", "getreply", 405, 'raise SMTPServerDisconnected("Connection unexpectedly closed")')), module="smtplib"),),
        (see("sentry.error"),),
        singleton=True, entry="newsletter.tasks.send_digest"),
]

NOISE = [
    Noise("cq-noise-gunicorn-boot", "museum-web", "splunk", {"search": "gunicorn error log", "sourcetype": "quayhead:gunicorn", "source": "/var/log/quayhead/gunicorn-error.log", "line": "[{gts} +0000] [{pid}] [INFO] Booting worker with pid: {pid}"}),
    Noise("cq-noise-qcluster-up", "museum-q", "splunk", {**Q_SEARCH, "line": "{hms} [Q] INFO Q Cluster oregon-lemon-nine-robin running."}),
    Noise("cq-noise-deploy", "museum-web", "datadog.event", {"monitor": "Deployed museum-web 2026.3.2", "text": "GitHub Actions deployed museum-web 2026.3.2 (migrations: wagtailcore 0094).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "digital"}),
]

QUAYHEAD = Company(
    key="cq",
    name="Quayhead Museums Trust",
    domain="quayhead.example",
    sentry_org="quayhead",
    splunk_url="https://quayhead.splunkcloud.com",
    splunk_guid="D41E6B07-9A3C-4F28-B5D1-7E0C83A2F96B",
    datadog_org=("820467", "Quayhead Museums Trust"),
    datadog_template="default",
    posthog_project=(91307, "quayhead.example"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quayhead-sentry-client-secret",
)
# fmt: on
