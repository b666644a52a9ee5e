"""(ky) Foxley Travel, a family firm's coach holidays: ``bookings``, a Python 3.11 Tornado 6.4
service (``RequestHandler`` coroutines over asyncpg on Postgres, Tornado's ``AsyncHTTPClient``
to hotel and ferry suppliers through one ``fetch_json`` helper, ``PeriodicCallback`` jobs that
pull coach manifests from the operators' FTP and send confirmation emails).

Logs: stdlib ``logging`` text (``ky-tornado-text``): ``tornado.application``'s "Uncaught
exception POST /path (ip)" with the ``HTTPServerRequest`` repr and the traceback, the team's own
``logger.exception`` lines, ``tornado.access``'s one line per 500, and one host still on
Tornado's ``LogFormatter`` (``[E 260302 10:14:07 web:1875]``); a Splunk universal forwarder
reads the file (now and then closing a multi-line event early). Sentry: sentry-python 2 with
its Tornado integration. Datadog: log monitors only (no APM), one per log pattern: every
"Uncaught exception", every "Exception in callback", every 500 in the access log. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.tornado", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "bookings": Service("bookings", "python", "ky-tornado-text", "foxley:tornado", "/srv/foxley/logs/bookings.log", "foxley", 9102401, "CPython 3.11.10", framework="tornado", sdk=SDK),
}

TORNADO = (pylib("tornado.web", "_execute", 1790, "result = await result"),)
CALLBACK = (
    pylib("tornado.ioloop", "_run_callback", 750, "ret = callback()"),
    pylib("tornado.ioloop", "_run", 919, "val = self.callback()"),
)
ASYNCPG_FETCH = (
    pylib("asyncpg.connection", "fetchrow", 748, "data = await self._execute("),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stat = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
    pylib("asyncpg.protocol.protocol", "bind_execute", 207, ""),
)
# Every supplier call goes through one helper.
FETCH_JSON = py("foxley.suppliers.client", "fetch_json", 31, "response = await self.http.fetch(request)")


def handler(name: str, method: str, line: int, context: str) -> Frame:
    return py(f"foxley.handlers.{name}", method, line, context)


def svc(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"foxley.{module}", function, line, context)


def unique(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("UniqueViolationError", f"duplicate key value violates unique constraint \"{constraint}\"\nDETAIL:  {detail}", (*frames, *ASYNCPG_FETCH), module="asyncpg.exceptions"),)


def timeout(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("HTTPClientError", "HTTP 599: Timeout during request", (*frames, FETCH_JSON), module="tornado.simple_httpclient", qual="HTTPTimeoutError"),)


UNCAUGHT = {"search": "bookings - Uncaught exception", "owner": "svc_foxley", "app": "foxley"}
ACCESS_500 = {"search": "bookings - 500s", "owner": "svc_foxley", "app": "foxley", "kind": "access"}
JOBS = {"search": "bookings - callback errors", "owner": "svc_foxley", "app": "foxley"}
# One monitor per log pattern.
DD_UNCAUGHT = {"monitor": "bookings: Uncaught exception", "team": "web", "style": "sample", "filter": "service:bookings \"Uncaught exception\"", "sample_lines": 3}
DD_UNCAUGHT_STACK = {"monitor": "bookings: Uncaught exception", "team": "web", "style": "stack", "filter": "service:bookings \"Uncaught exception\"", "lines": 8}
DD_CALLBACK = {"monitor": "bookings: Exception in callback", "team": "ops", "filter": "service:bookings \"Exception in callback\"", "text": "A periodic job failed on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 4}
SEAT = "foxley.coaches.seating"

BUGS = [
    # Two unique constraints: a booking reference and a waitlist entry.
    Bug("ky-booking-unique", "bookings", unique("bookings_departure_id_lead_email_key", "Key (departure_id, lead_email)=({id}, {email}) already exists.", (*TORNADO, handler("bookings", "post", 58, "booking = await self.repo.create_booking(payload)"), svc("repo.bookings", "create_booking", 41, "row = await self.db.fetchrow(INSERT_BOOKING, *values)"))),
        (see("sentry.error", 3), see("splunk", 2, **UNCAUGHT), see("splunk", **ACCESS_500), see("datadog.log", **DD_UNCAUGHT), see("datadog.log", **DD_UNCAUGHT_STACK)),
        classes=(4,), pair="ky-waitlist-unique", entry="POST /api/departures/{departure_id}/bookings"),
    Bug("ky-waitlist-unique", "bookings", unique("waitlist_departure_id_email_key", "Key (departure_id, email)=({id}, {email}) already exists.", (*TORNADO, handler("waitlist", "post", 33, "entry = await self.repo.join_waitlist(departure_id, email)"), svc("repo.waitlist", "join_waitlist", 22, "return await self.db.fetchrow(INSERT_WAITLIST, departure_id, email)"))),
        (see("sentry.error", 2), see("splunk", 2, **UNCAUGHT), see("datadog.log", 2, **DD_UNCAUGHT)),
        classes=(4,), pair="ky-booking-unique", entry="POST /api/departures/{departure_id}/waitlist"),
    # One seating function, two exceptions.
    Bug("ky-seat-keyerror", "bookings", (Exc("KeyError", "'{seg}'", (*TORNADO, handler("seats", "put", 47, "plan = allocate_seats(coach, party)"), py(SEAT, "allocate_seats", 64, "row = coach.layout[seat.row_code]", caret="coach.layout[seat.row_code]"))),),
        (see("sentry.error", 3), see("splunk", 2, **UNCAUGHT, kind="tornadofmt"), see("datadog.log", **DD_UNCAUGHT_STACK)),
        classes=(4,), pair="ky-seat-typeerror", entry="PUT /api/bookings/{booking_id}/seats"),
    Bug("ky-seat-typeerror", "bookings", (Exc("TypeError", "'<' not supported between instances of 'NoneType' and 'int'", (*TORNADO, handler("seats", "put", 47, "plan = allocate_seats(coach, party)"), py(SEAT, "allocate_seats", 71, "if seat.mobility_rank < party.mobility_needs:", caret="seat.mobility_rank < party.mobility_needs"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **UNCAUGHT), see("splunk", **ACCESS_500), see("datadog.log", **DD_UNCAUGHT)),
        classes=(4,), pair="ky-seat-keyerror", entry="PUT /api/bookings/{booking_id}/seats"),
    # The supplier helper at the end of two timeouts: hotels and ferries.
    Bug("ky-hotel-timeout", "bookings", timeout((*TORNADO, handler("availability", "get", 28, "rooms = await self.hotels.rooms(departure)"), svc("suppliers.hotels", "rooms", 52, "data = await fetch_json(self.http, url, timeout=8)"))),
        (see("sentry.error", 3), see("splunk", 2, **UNCAUGHT), see("splunk", **UNCAUGHT, cut=6), see("datadog.log", **DD_UNCAUGHT)),
        classes=(9,), pair="ky-ferry-timeout", entry="GET /api/departures/{departure_id}/availability"),
    Bug("ky-ferry-timeout", "bookings", timeout((*CALLBACK, svc("jobs.ferries", "run", 19, "await self.refresh_sailings()"), svc("jobs.ferries", "refresh_sailings", 37, "sailings = await fetch_json(self.http, SAILINGS_URL)"))),
        (see("sentry.error", 2), see("splunk", 2, **JOBS, kind="team"), see("datadog.log", **DD_CALLBACK, format="ky-tornado-text")),
        log="ferry sailings refresh failed", logger="foxley.jobs.ferries", classes=(9,), pair="ky-hotel-timeout", entry="FerrySync"),
    # The same Decimal conversion in the quote and the deposit.
    Bug("ky-quote-decimal", "bookings", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*TORNADO, handler("quotes", "post", 39, "total = price_party(departure, party)"), svc("pricing.party", "price_party", 27, "supplement = Decimal(room.single_supplement)")), module="decimal"),),
        (see("sentry.error", 3), see("splunk", 2, **UNCAUGHT), see("datadog.log", **DD_UNCAUGHT_STACK), see("datadog.log", **DD_UNCAUGHT)),
        classes=(4,), pair="ky-deposit-decimal", entry="POST /api/quotes"),
    Bug("ky-deposit-decimal", "bookings", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*TORNADO, handler("payments", "post", 44, "amount = deposit_due(booking)"), svc("pricing.deposits", "deposit_due", 15, "return Decimal(booking.deposit_override or DEFAULT_DEPOSIT)")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **UNCAUGHT, kind="tornadofmt"), see("splunk", **ACCESS_500), see("datadog.log", **DD_UNCAUGHT)),
        classes=(4,), pair="ky-quote-decimal", entry="POST /api/bookings/{booking_id}/deposit"),
    # Two periodic jobs under the one callback monitor and search.
    Bug("ky-manifest-ftp", "bookings", (Exc("error_perm", "550 manifests/{week}.csv: No such file or directory", (*CALLBACK, svc("jobs.manifests", "run", 24, "raw = await self.loop.run_in_executor(None, self.download, name)"), svc("jobs.manifests", "download", 41, "ftp.retrbinary(f\"RETR {name}\", buf.write)"), pylib("ftplib", "retrbinary", 436, "with self.transfercmd(cmd, rest) as conn:"), pylib("ftplib", "voidresp", 259, "resp = self.getresp()"), pylib("ftplib", "getresp", 254, "raise error_perm(resp)")), module="ftplib"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS, kind="team"), see("datadog.log", 2, **DD_CALLBACK)),
        log="coach manifest sync failed", logger="foxley.jobs.manifests", classes=(2,), pair="ky-manifest-csv", entry="ManifestSync"),
    Bug("ky-manifest-csv", "bookings", (Exc("Error", "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?", (*CALLBACK, svc("jobs.manifests", "run", 26, "rows = list(csv.DictReader(io.StringIO(raw)))")), module="_csv"),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS, kind="team"), see("datadog.log", 2, **DD_CALLBACK)),
        log="coach manifest sync failed", logger="foxley.jobs.manifests", classes=(2,), pair="ky-manifest-ftp", entry="ManifestSync"),
    # Not pairs.
    Bug("ky-voucher-json", "bookings", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*TORNADO, handler("vouchers", "post", 21, "body = json.loads(self.request.body)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 337, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 2), see("splunk", 2, **UNCAUGHT), see("datadog.log", **DD_UNCAUGHT_STACK)),
        classes=(10,), entry="POST /api/vouchers/redeem"),
    Bug("ky-coach-none", "bookings", (Exc("AttributeError", "'NoneType' object has no attribute 'seats_left'", (*TORNADO, handler("departures", "get", 36, "payload = serialise_departure(dep)"), svc("serialisers", "serialise_departure", 58, "\"seats_left\": dep.coach.seats_left,", ))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), see("splunk", 2, **UNCAUGHT), see("splunk", **UNCAUGHT, cut=4), see("datadog.log", **DD_UNCAUGHT)),
        classes=(5, 10), entry="GET /api/departures/{departure_id}", span=3, renames={"serialise_departure": "departure_to_dict"}),
    Bug("ky-confirm-smtp", "bookings", (Exc("SMTPRecipientsRefused", "{'{email}': (550, '5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table')}", (*CALLBACK, svc("jobs.confirmations", "run", 30, "await self.send(booking)"), svc("jobs.confirmations", "send", 52, "await aiosmtplib.send(message, **self.smtp)"), pylib("aiosmtplib.smtp", "sendmail", 367, "raise SMTPRecipientsRefused(recipient_errors)")), module="aiosmtplib.errors"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS, kind="team"), see("datadog.log", **DD_CALLBACK)),
        log="booking confirmation email failed", logger="foxley.jobs.confirmations", entry="ConfirmationMailer"),
    Bug("ky-refund-stripe", "bookings", (Exc("InvalidRequestError", "Request req_{hex}: Charge ch_{hex} has already been refunded.", (*TORNADO, handler("payments", "post", 63, "refund = await self.payments.refund(booking)"), svc("payments.stripe", "refund", 48, "return await asyncio.to_thread(stripe.Refund.create, charge=charge_id)"), pylib("stripe._api_requestor", "_interpret_response", 851, "self.handle_error_response(rbody, rcode, resp.data, rheaders)")), module="stripe._error"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **UNCAUGHT), see("splunk", **ACCESS_500), see("datadog.log", **DD_UNCAUGHT_STACK)),
        entry="POST /api/bookings/{booking_id}/refund"),
    Bug("ky-singleton-recursion", "bookings", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", (*TORNADO, handler("itineraries", "get", 30, "return self.write(render_day(day))"), svc("itinerary", "render_day", 44, "return render_day(day.next_day) if day.merged else out"), svc("itinerary", "render_day", 44, "return render_day(day.next_day) if day.merged else out"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/itineraries/{itinerary_id}"),
    Bug("ky-slow-callback", "bookings", (),
        (see("splunk", 3, search="bookings - slow callbacks", owner="svc_foxley", app="foxley", line="{gts},{millis} WARNING [asyncio] Executing <Task pending name='Task-{n}' coro=<ManifestSync.run() running at /app/foxley/jobs/manifests.py:24> wait_for=<Future pending cb=[Task.task_wakeup()]>> took {idx}.{millis} seconds"),),
        classes=(7,)),
]

NOISE = [
    Noise("ky-noise-malformed", "bookings", "splunk", {"search": "bookings - tornado.general", "owner": "svc_foxley", "app": "foxley", "line": "{gts},{millis} WARNING [tornado.general] Malformed HTTP message from {ip}: Malformed HTTP request line"}),
    Noise("ky-noise-recovered", "bookings", "datadog.log", {**DD_CALLBACK, "text": "[Recovered] Periodic jobs on bookings are running cleanly again.", "transition": "Recovered"}),
    Noise("ky-noise-started", "bookings", "splunk", {"search": "bookings - restarts", "owner": "svc_foxley", "app": "foxley", "line": "{gts},{millis} INFO [foxley.app] Listening on port 8888 (tornado 6.4.1, 4 processes)"}),
]

FOXLEY = Company(
    key="ky",
    name="Foxley Travel",
    domain="foxleytravel.example",
    sentry_org="foxley-travel",
    splunk_url="https://splunk.foxleytravel.example:8000",
    splunk_guid="B4E27D19-6A3C-4F51-8E0B-2C9D7F1A6E35",
    datadog_org=("910240", "Foxley Travel"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.4.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="foxley-sentry-client-secret",
)
# fmt: on
