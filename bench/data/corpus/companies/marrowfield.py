"""(h) Marrowfield, allotment plots and produce swaps: a Flask API (``api``) and RQ workers
(``jobs``) on Python 3.11, a Next.js site (``web``, ``/_next/static/chunks/``) and an Express
service on Node 20 for partners' webhooks and the session edge (``edge``).

One company as an outsider's team would run it, every tool on: Sentry (Flask, RQ, Next.js and
Node SDKs); PostHog error tracking on the site (posthog-js) and on the servers (posthog-python,
posthog-node); Splunk indexes python-json-logger JSON from the API, RQ's own worker log (the
"exception raised while executing" line with the traceback below) and winston JSON from
Express; Datadog posts its default payload for APM, log and task monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    NODE_TICKS,
    REACT_CLICK,
    REACT_EFFECT,
    REACT_RENDER,
    js,
    nd,
    py,
    pylib,
    sqlalchemy_integrity,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "python", "python-json", "marrowfield:api:json", "/var/log/marrowfield/api.json", "mf_prod", 3390011, "CPython 3.11.3", framework="flask", sdk=("sentry.python.flask", "2.7.1", "pypi:sentry-sdk")),
    "jobs": Service("jobs", "python", "rq", "marrowfield:rq", "/var/log/marrowfield/rq-worker.log", "mf_prod", 3390014, "CPython 3.11.3", framework="rq", sdk=("sentry.python", "2.7.1", "pypi:sentry-sdk")),
    "web": Service("web", "javascript", "", "", "", "", 3390017, origin="https://www.marrowfield.example", framework="onerror", sdk=("sentry.javascript.nextjs", "8.13.0", "npm:@sentry/nextjs")),
    "edge": Service("edge", "node", "winston", "marrowfield:edge:json", "/var/log/containers/edge.log", "mf_prod", 3390020, "node v20.14.0", framework="express", sdk=("sentry.javascript.node", "8.13.0", "npm:@sentry/node")),
}

# Flask's dispatch as a traceback shows it: the handler re-raises from full_dispatch_request.
FLASK = (
    pylib("flask.app", "wsgi_app", 1473, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 882, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 880, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 865, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
# What Flask logs for an unhandled exception: "Exception on /path [METHOD]".
FLASK_LOG = "Exception on {path} [POST]"
FLASK_GET = "Exception on {path} [GET]"
FLASK_LOGGER = "marrowfield.api"
RQ = (
    pylib("rq.worker", "perform_job", 1431, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
SMTP_SEND = (
    pylib("smtplib", "send_message", 986, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"),
    pylib("smtplib", "sendmail", 876, "(code, resp) = self.mail(from_addr, esmtp_opts)"),
    pylib("smtplib", "mail", 549, "return self.getreply()"),
    pylib("smtplib", "getreply", 405, 'raise SMTPServerDisconnected("Connection unexpectedly closed")'),
)
EXPRESS = (
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
    nd("node_modules/express/lib/router/route.js", "next", 149, 13, lib=True),
)
# Every failed partner call goes through one helper that raises for a non-2xx response.
CHECK = py("marrowfield.clients.base", "check_response", 24, 'raise UpstreamError(f"{self.name} responded {response.status_code}")')
# Every form's submit handler labels the field that failed validation through one helper.
FIELD_LABEL = js("src/lib/forms.ts", "fieldLabel", 7, 22, "5124")


def view(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"marrowfield.api.views.{module}", function, line, context)


BUGS = [
    # Seen by all four tools; a renamed outer function in the third release.
    Bug(
        "mf-plot-quote-keyerror",
        "api",
        (
            Exc(
                "KeyError",
                "'plot_size'",
                (
                    *FLASK,
                    view("plots", "create_booking", 41, "quote = quote_season(plot, request.get_json())"),
                    py("marrowfield.booking.pricing", "quote_season", 28, 'rate = RATES[plot.site.band][form["plot_size"]]'),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("posthog"),
            see("splunk", 3),
            see("datadog.apm", 2, style="message", monitor="api error spans", team="plots"),
        ),
        log=FLASK_LOG,
        logger=FLASK_LOGGER,
        entry="POST /api/plots/{plot_id}/bookings",
        span=3,
        renames={"create_booking": "book_plot"},
    ),
    # One unique violation on two tables, from the API and from a job.
    Bug(
        "mf-booking-duplicate",
        "api",
        sqlalchemy_integrity(
            (*FLASK, view("plots", "create_booking", 47, "db.session.commit()")),
            "bookings_plot_id_season_key",
            "Key (plot_id, season)=({id}, 2026) already exists.",
            "INSERT INTO bookings (plot_id, season, member_id, status) VALUES (%(plot_id)s::INTEGER, %(season)s::INTEGER, %(member_id)s::INTEGER, %(status)s::VARCHAR) RETURNING bookings.id",
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("posthog"),
            see("datadog.apm", style="message", monitor="api error spans", team="plots"),
        ),
        classes=(4,),
        pair="mf-swap-duplicate",
        log=FLASK_LOG,
        logger=FLASK_LOGGER,
        entry="POST /api/plots/{plot_id}/bookings",
    ),
    Bug(
        "mf-swap-duplicate",
        "jobs",
        sqlalchemy_integrity(
            (
                *RQ,
                py("marrowfield.jobs.swaps", "match_offers", 33, "matcher.commit_matches(week)"),
                py("marrowfield.swaps.matcher", "commit_matches", 71, "db.session.commit()"),
            ),
            "swap_matches_offer_id_key",
            "Key (offer_id)=({id}) already exists.",
            "INSERT INTO swap_matches (offer_id, request_id, week) VALUES (%(offer_id)s::INTEGER, %(request_id)s::INTEGER, %(week)s::VARCHAR) RETURNING swap_matches.id",
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="swaps")),
        classes=(4,),
        pair="mf-booking-duplicate",
        entry="marrowfield.jobs.swaps.match_offers",
    ),
    # Two partner calls failing in one helper, under one log monitor.
    Bug(
        "mf-geocode-upstream",
        "api",
        (
            Exc(
                "UpstreamError",
                "geocoder responded {status}",
                (
                    *FLASK,
                    view("sites", "nearby_sites", 22, "point = geocoder.lookup(request.args['postcode'])"),
                    py("marrowfield.clients.geocoder", "lookup", 31, "check_response(response)"),
                    CHECK,
                ),
                module="marrowfield.clients.base",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", 2, style="kind", monitor="Error logs on api", team="plots"),
        ),
        classes=(9,),
        pair="mf-payout-upstream",
        log=FLASK_GET,
        logger=FLASK_LOGGER,
        entry="GET /api/sites/nearby",
    ),
    Bug(
        "mf-payout-upstream",
        "api",
        (
            Exc(
                "UpstreamError",
                "payouts responded {status}",
                (
                    *FLASK,
                    view("swaps", "settle_credit", 58, "payouts.transfer(member.account_ref, amount)"),
                    py("marrowfield.clients.payouts", "transfer", 44, "check_response(response)"),
                    CHECK,
                ),
                module="marrowfield.clients.base",
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="Error logs on api", team="plots"),
        ),
        classes=(9,),
        pair="mf-geocode-upstream",
        log=FLASK_LOG,
        logger=FLASK_LOGGER,
        entry="POST /api/swaps/{swap_id}/settle",
    ),
    # One SMTP failure in two jobs; task monitors name only the job.
    Bug(
        "mf-reminder-smtp",
        "jobs",
        (
            Exc(
                "SMTPServerDisconnected",
                "Connection unexpectedly closed",
                (
                    *RQ,
                    py("marrowfield.jobs.reminders", "send_watering_reminders", 27, "mailer.send(render_reminder(member, plot))"),
                    py("marrowfield.mail.mailer", "send", 52, "self._smtp.send_message(message)"),
                    *SMTP_SEND,
                ),
                module="smtplib",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.task", 2, team="members"),
        ),
        classes=(4,),
        pair="mf-digest-smtp",
        entry="marrowfield.jobs.reminders.send_watering_reminders",
    ),
    Bug(
        "mf-digest-smtp",
        "jobs",
        (
            Exc(
                "SMTPServerDisconnected",
                "Connection unexpectedly closed",
                (
                    *RQ,
                    py("marrowfield.jobs.digest", "send_weekly_digest", 19, "for batch in chunked(members, 50):"),
                    py("marrowfield.jobs.digest", "send_weekly_digest", 21, "mailer.send_bulk(batch, digest)"),
                    py("marrowfield.mail.mailer", "send_bulk", 66, "self._smtp.send_message(message)"),
                    *SMTP_SEND,
                ),
                module="smtplib",
            ),
        ),
        (see("sentry.error"), see("sentry.issue"), see("splunk", 2), see("datadog.task", team="members")),
        classes=(4,),
        pair="mf-reminder-smtp",
        entry="marrowfield.jobs.digest.send_weekly_digest",
    ),
    # A job that fails before it reaches its own code: RQ cannot import the function.
    Bug(
        "mf-rq-import",
        "jobs",
        (
            Exc(
                "AttributeError",
                "module 'marrowfield.jobs.harvest' has no attribute 'rollup_harvest_totals'",
                (
                    pylib("rq.worker", "perform_job", 1431, "rv = job.perform()"),
                    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
                    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
                    pylib("rq.job", "func", 412, "return import_attribute(self.func_name)"),
                    pylib("rq.utils", "import_attribute", 155, "raise AttributeError('module %s has no attribute %s' % (module.__name__, attribute))"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="plots")),
        classes=(10,),
        entry="marrowfield.jobs.harvest.rollup_harvest_totals",
    ),
    # One browser TypeError in three engines' words; its twin reads the same property elsewhere.
    Bug(
        "mf-harvest-card-weight",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/plots/HarvestCard.tsx", "HarvestCard", 38, 27, "app/plots/[id]/page"),
                    js("src/lib/units.ts", "formatWeight", 12, 19, "app/plots/[id]/page"),
                ),
                js=JsError("read-undefined", "harvest.yield", "weightKg"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="app/plots/[id]/page"),
            see("posthog", browser="firefox", chunk="app/plots/[id]/page"),
            see("posthog", browser="safari", chunk="app/plots/[id]/page"),
            see("posthog", browser="chrome", resolved=True, chunk="app/plots/[id]/page"),
            see("sentry.error", browser="firefox"),
            see("sentry.issue"),
        ),
        classes=(3, 4),
        pair="mf-offer-card-weight",
        page="/plots/214",
    ),
    Bug(
        "mf-offer-card-weight",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/swaps/OfferCard.tsx", "OfferCard", 22, 31, "app/swaps/page"),
                    js("src/lib/units.ts", "formatWeight", 12, 19, "app/swaps/page"),
                ),
                js=JsError("read-undefined", "offer.yield", "weightKg"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="app/swaps/page"),
            see("posthog", browser="safari", chunk="app/swaps/page"),
            see("posthog", browser="edge", chunk="app/swaps/page"),
            see("sentry.error", browser="safari"),
            see("sentry.alert", rule="Site errors"),
        ),
        classes=(3, 4),
        pair="mf-harvest-card-weight",
        page="/swaps",
    ),
    # Not-a-function over two releases: new chunk hashes and minified names, mapped and raw.
    Bug(
        "mf-map-fitbounds",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_EFFECT,
                    js("src/components/map/SiteMap.tsx", "SiteMap.useEffect", 64, 13, "app/sites/page"),
                ),
                js=JsError("not-function", "map", "fitBounds", "(e)"),
            ),
        ),
        (
            see("posthog", browser="chrome", release=0, chunk="app/sites/page"),
            see("posthog", browser="chrome", release=1, chunk="app/sites/page"),
            see("posthog", browser="firefox", release=1, chunk="app/sites/page"),
            see("posthog", browser="safari", release=0, resolved=True, chunk="app/sites/page"),
            see("sentry.error", release=0),
            see("sentry.error", raw=True, release=1),
        ),
        classes=(3,),
        page="/sites",
        span=2,
    ),
    # Two forms fail in one shared helper with one message: only the caller differs.
    Bug(
        "mf-swap-submit-null",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/components/swaps/OfferForm.tsx", "submitOffer", 51, 7, "app/swaps/new/page"),
                    FIELD_LABEL,
                ),
                js=JsError("read-null", "field", "name"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="app/swaps/new/page"),
            see("posthog", browser="firefox", chunk="app/swaps/new/page"),
            see("sentry.error", browser="chrome"),
        ),
        classes=(3, 9),
        pair="mf-waitlist-join-null",
        page="/swaps/new",
    ),
    Bug(
        "mf-waitlist-join-null",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/components/sites/WaitlistButton.tsx", "joinWaitlist", 18, 9, "app/sites/[id]/page"),
                    FIELD_LABEL,
                ),
                js=JsError("read-null", "field", "name"),
            ),
        ),
        (
            see("posthog", browser="chrome", chunk="app/sites/[id]/page"),
            see("posthog", browser="safari", chunk="app/sites/[id]/page"),
            see("sentry.error", browser="safari"),
            see("sentry.issue"),
        ),
        classes=(3, 9),
        pair="mf-swap-submit-null",
        page="/sites/88",
    ),
    # Express: Sentry with and without source maps, winston, posthog-node and a log monitor.
    Bug(
        "mf-edge-stripe-signature",
        "edge",
        (
            Exc(
                "StripeSignatureVerificationError",
                "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe?",
                (
                    *EXPRESS,
                    nd("src/routes/partners/stripe.ts", "handleStripeEvent", 19, 28),
                    nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 11, 24, lib=True),
                    nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 99, 19, lib=True),
                    nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 148, 15, lib=True),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.error", sourcemaps=False),
            see("posthog"),
            see("splunk", 2),
            see("datadog.log", style="sample", team="edge"),
        ),
        classes=(10,),
        log="partner webhook rejected",
        entry="POST /hooks/stripe",
    ),
    # The same V8 message in two middlewares of the edge service.
    Bug(
        "mf-edge-session-member",
        "edge",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'id')",
                (
                    *EXPRESS,
                    nd("src/middleware/session.ts", "loadMember", 33, 41, awaited=True),
                    NODE_TICKS,
                    nd("src/services/members.ts", "memberFromToken", 18, 22),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("posthog", resolved=True)),
        classes=(4,),
        pair="mf-edge-partner-tenant",
        log="request failed",
        entry="GET /session",
    ),
    Bug(
        "mf-edge-partner-tenant",
        "edge",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'id')",
                (
                    *EXPRESS,
                    nd("src/middleware/partnerAuth.ts", "requirePartner", 27, 19),
                    nd("src/partners/registry.ts", "tenantFor", 45, 31),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", style="sample", team="edge")),
        classes=(4,),
        pair="mf-edge-session-member",
        log="request failed",
        entry="POST /hooks/{partner}",
    ),
    # An APM monitor naming only the service and the type, over one bug.
    Bug(
        "mf-weather-timeout",
        "jobs",
        (
            Exc(
                "ReadTimeout",
                "HTTPSConnectionPool(host='api.open-meteo.example', port=443): Read timed out. (read timeout=10)",
                (
                    *RQ,
                    py("marrowfield.jobs.weather", "refresh_frost_alerts", 16, "forecast = weather.daily(site.lat, site.lon)"),
                    py("marrowfield.clients.weather", "daily", 29, "response = self._session.get(url, params=params, timeout=10)"),
                    pylib("requests.sessions", "get", 602, 'return self.request("GET", url, **kwargs)'),
                    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
                    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
                    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
                ),
                module="requests.exceptions",
            ),
        ),
        (
            see("sentry.error", 2),
            see("posthog"),
            see("splunk", 2),
            see("datadog.apm", style="type", team="plots"),
        ),
        entry="marrowfield.jobs.weather.refresh_frost_alerts",
    ),
    # A message with a stack: the API's own warning when a member's plot has no site.
    Bug(
        "mf-orphan-plot-warning",
        "api",
        (
            Exc(
                "",
                "",
                (
                    *FLASK,
                    view("plots", "plot_detail", 18, "return render_plot(plot)"),
                    py("marrowfield.api.render", "render_plot", 40, 'log.warning("plot %s has no site", plot.id, stack_info=True)'),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        message_event=True,
        log="plot {id} has no site",
        logger="marrowfield.api.render",
        entry="GET /api/plots/{plot_id}",
    ),
    # Variable-length values: sizes, durations, hosts with and without a port.
    Bug(
        "mf-photo-upload-slow",
        "api",
        (),
        (
            see("splunk", 3, search="api - slow uploads", line='{"asctime": "{ts}", "levelname": "WARNING", "name": "marrowfield.media", "message": "harvest photo upload slow", "bytes": "{size}", "elapsed": "{dur}", "endpoint": "{objstore}"}'),
            see("datadog.log", 2, monitor="Slow harvest photo uploads", filter="service:api @logger.name:marrowfield.media status:warn", team="plots", text="Photo uploads are slow. Sample: harvest photo upload slow bytes={size} elapsed={dur} endpoint={objstore}"),
        ),
        classes=(7,),
    ),
    Bug(
        "mf-export-slow",
        "jobs",
        (),
        (
            see("splunk", 3, search="jobs - slow exports", line="{ts} WARNING marrowfield.exports: allotment register export for site {id} wrote {size} in {dur}"),
        ),
        classes=(7,),
        pair="mf-export-failed",
    ),
    Bug(
        "mf-export-failed",
        "jobs",
        (),
        (
            see("splunk", 2, search="jobs - slow exports", line="{ts} WARNING marrowfield.exports: allotment register export for site {id} failed after {dur}: {size} written"),
        ),
        classes=(7,),
        pair="mf-export-slow",
    ),
    # A Node crash with a rejected promise nobody awaited: posthog-node and Sentry only.
    Bug(
        "mf-edge-redis-closed",
        "edge",
        (
            Exc(
                "ClientClosedError",
                "The client is closed",
                (
                    nd("src/jobs/rateLimitSweep.ts", "sweepBuckets", 14, 23, awaited=True),
                    NODE_TICKS,
                    nd("node_modules/@redis/client/dist/lib/client/index.js", "Commander._RedisClient_sendCommand", 520, 31, lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2, mechanism="onunhandledrejection"), see("posthog", 2), see("splunk")),
        log="unhandledRejection",
        entry="rateLimitSweep",
    ),
    # Express's JSON body parser fails before any route: no application frame at all.
    Bug(
        "mf-edge-json-body",
        "edge",
        (
            Exc(
                "SyntaxError",
                'Unexpected token \'}\', "{"plotId":{id},}" is not valid JSON',
                (
                    nd("node:internal/process/task_queues", "process.processTicksAndRejections", 82, 21, lib=True),
                    nd("node:internal/streams/readable", "endReadableNT", 1696, 12, lib=True),
                    nd("node:events", "IncomingMessage.emit", 519, 28, lib=True),
                    nd("node_modules/raw-body/index.js", "IncomingMessage.onEnd", 287, 7, lib=True),
                    nd("node_modules/raw-body/index.js", "done", 227, 7, lib=True),
                    nd("node_modules/body-parser/lib/read.js", "invokeCallback", 238, 16, lib=True),
                    nd("node_modules/body-parser/lib/types/json.js", "parse", 92, 19, lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("posthog")),
        classes=(10,),
        log="request failed",
        entry="POST /hooks/{partner}",
    ),
    # Seen by all four tools; the APM monitor names only the type.
    Bug(
        "mf-offer-price-decimal",
        "api",
        (
            Exc(
                "InvalidOperation",
                "[<class 'decimal.ConversionSyntax'>]",
                (
                    *FLASK,
                    view("swaps", "create_offer", 29, 'offer = offers.create(member, request.get_json())'),
                    py("marrowfield.swaps.offers", "create", 53, 'price = Decimal(form["price"])'),
                ),
                module="decimal",
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("posthog"),
            see("splunk", 2),
            see("datadog.apm", style="route", team="swaps"),
        ),
        log=FLASK_LOG,
        logger=FLASK_LOGGER,
        entry="POST /api/swaps/offers",
    ),
    # Seen once only: a singleton.
    Bug(
        "mf-web-quota",
        "web",
        (
            Exc(
                "QuotaExceededError",
                "The quota has been exceeded.",
                (
                    *REACT_EFFECT,
                    js("src/lib/draftStore.ts", "saveDraft", 21, 18, "app/swaps/new/page"),
                ),
            ),
        ),
        (see("posthog", browser="safari", chunk="app/swaps/new/page"),),
        singleton=True,
        page="/swaps/new",
    ),
]

NOISE = [
    Noise(
        "mf-noise-deploy",
        "api",
        "datadog.event",
        {
            "monitor": "Deployed api 2026.11.3 to prod",
            "text": "GitHub Actions deploy finished: api 2026.11.3 (4/4 instances healthy).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "mf-noise-rq-started",
        "jobs",
        "splunk",
        {
            "search": "jobs - errors",
            "line": "{ts} Worker rq:worker:{hex} started with PID 1, version 1.16.2",
        },
    ),
    Noise(
        "mf-noise-disk",
        "jobs",
        "datadog.metric",
        {
            "monitor": "Disk usage high on rq workers",
            "scope": "host:rq-worker-2",
            "text": "Disk usage on /var/lib/docker is 91.4% (threshold 90%).",
            "query": "avg(last_15m):avg:system.disk.in_use{service:jobs} by {host} > 0.9",
            "metric": "system.disk.in_use",
            "priority": "P3",
        },
    ),
    Noise(
        "mf-noise-info",
        "edge",
        "splunk",
        {
            "search": "edge - errors",
            "line": '{"level":"info","message":"listening on :8080","service":"edge","timestamp":"{tsms}"}',
        },
    ),
]

MARROWFIELD = Company(
    key="h",
    name="Marrowfield",
    domain="marrowfield.example",
    sentry_org="marrowfield",
    splunk_url="https://marrowfield.splunkcloud.com",
    splunk_guid="3A8F0C62-91D4-4B7E-A5C2-6E0D1F9B3C47",
    datadog_org=("771302", "Marrowfield"),
    datadog_template="default",
    posthog_project=(40213, "Marrowfield"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3", "2026.11.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="marrowfield-sentry-client-secret",
)
# fmt: on
