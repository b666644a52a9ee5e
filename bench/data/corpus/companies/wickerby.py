"""(bf) Wickerby Tutors, online tutoring: one Phoenix 1.7 release on Elixir 1.17 / OTP 27
(``tutorhub``: LiveView pages for booking, lessons and payouts, a Stripe webhook controller;
Ecto 3.12 over Postgres), its Oban 2.18 queues in the same release (``tutorhub-jobs``:
reminders, meeting links, payouts, invoices) and the LiveView hooks of its esbuild bundle
(``tutorhub-web``, ``/assets/app-<digest>.js`` after ``mix phx.digest``).

Sentry: sentry-elixir 10 (its logger handler for crashed LiveView and request processes,
its Oban integration for jobs). PostHog: posthog-js on the LiveView pages with exception
autocapture (Chrome, Edge, Firefox, Safari; raw frames, some resolved). Splunk indexes the
release's stdout: Elixir's Logger text (a LiveView's ``GenServer … terminating`` with its
last message and state, Plug.Cowboy's "running … terminated") and Oban's default JSON job
logger, which names the worker and the error's banner and keeps no stack. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.elixir", "10.8.1", "hex:sentry")
# The LiveView app and its Oban queues are one OTP release: one Sentry release name.
RELEASES = ("tutorhub@1.8.2", "tutorhub@1.9.0", "tutorhub@1.9.1")
SERVICES = {
    "tutorhub": Service("tutorhub", "elixir", "elixir", "wickerby:phoenix", "/var/log/containers/tutorhub.log", "wk_prod", 7730011, "Elixir 1.17.3", framework="generic", sdk=SDK, releases=RELEASES),
    "tutorhub-jobs": Service("tutorhub-jobs", "elixir", "oban-json", "wickerby:phoenix", "/var/log/containers/tutorhub-jobs.log", "wk_prod", 7730011, "Elixir 1.17.3", framework="oban", sdk=SDK, releases=RELEASES),
    "tutorhub-web": Service("tutorhub-web", "javascript", "", "", "", "", 7730014, origin="https://app.wickerby.example", releases=RELEASES),
}


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


STDLIB = "stdlib 6.1.2"
LV = "phoenix_live_view 0.20.17"
# A LiveView process handling a client event (oldest first).
LIVE_EVENT = (
    ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 329, STDLIB),
    ex(":gen_server", "handle_msg/6", "gen_server.erl", 2345, STDLIB),
    ex(":gen_server", "try_handle_info/3", "gen_server.erl", 2173, STDLIB),
    ex("Phoenix.LiveView.Channel", "handle_info/2", "lib/phoenix_live_view/channel.ex", 296, LV),
    ex(":telemetry", "span/3", "/app/deps/telemetry/src/telemetry.erl", 321, "telemetry 1.3.0"),
    ex("Phoenix.LiveView.Channel", "anonymous fn/3 in view_handle_event/3", "lib/phoenix_live_view/channel.ex", 487, LV),
)
LIVE_MOUNT = (
    ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 329, STDLIB),
    ex(":gen_server", "handle_msg/6", "gen_server.erl", 2345, STDLIB),
    ex("Phoenix.LiveView.Channel", "handle_info/2", "lib/phoenix_live_view/channel.ex", 296, LV),
    ex("Phoenix.LiveView.Channel", "mount/3", "lib/phoenix_live_view/channel.ex", 1193, LV),
    ex("Phoenix.LiveView.Utils", "maybe_call_mount!/3", "lib/phoenix_live_view/utils.ex", 396, LV),
)
OBAN = (
    ex("Task.Supervised", "invoke_mfa/2", "lib/task/supervised.ex", 101, "elixir 1.17.3"),
    ex("Oban.Queue.Executor", "perform/1", "lib/oban/queue/executor.ex", 145, "oban 2.18.3"),
    ex("Oban.Queue.Executor", "call/1", "lib/oban/queue/executor.ex", 74, "oban 2.18.3"),
)
PLUG = (
    ex(":cowboy_stream_h", "request_process/3", "/app/deps/cowboy/src/cowboy_stream_h.erl", 327, "cowboy 2.12.0"),
    ex("Plug.Cowboy.Handler", "init/2", "lib/plug/cowboy/handler.ex", 11, "plug_cowboy 2.7.2"),
    ex("TutorhubWeb.Endpoint", "plug_builder_call/2", "lib/tutorhub_web/endpoint.ex", 1),
    ex("Phoenix.Router", "__call__/5", "lib/phoenix/router.ex", 484, "phoenix 1.7.14"),
    ex("TutorhubWeb.Router", "call/2", "lib/tutorhub_web/router.ex", 1),
)
ECTO_ONE = (
    ex("Ecto.Repo.Queryable", "one!/3", "lib/ecto/repo/queryable.ex", 164, "ecto 3.12.4"),
)
ECTO_INSERT = (
    ex("Ecto.Repo.Schema", "insert!/4", "lib/ecto/repo/schema.ex", 304, "ecto 3.12.4"),
    ex("Ecto.Repo.Schema", "constraints_to_errors/3", "lib/ecto/repo/schema.ex", 851, "ecto 3.12.4"),
)
# Both the booking page and the reschedule job turn a tutor's availability into a slot here.
SLOT_FOR = ex("Tutorhub.Calendar", "slot_for/2", "lib/tutorhub/calendar.ex", 47)

LV_APP = {"otp_app": "tutorhub"}


def mount_msg(path: str) -> dict[str, str]:
    """A LiveView that crashed in ``mount/3``: the join message it was handling."""
    return {
        "last": '{Phoenix.Channel, %{"params" => %{"_csrf_token" => "{hex}", "_mounts" => 0}, "session" => "SFMyNTY.g2gDaAJhBnQAAAAI{hex}", "static" => "SFMyNTY.g2gDaAJhBnQAAAAD{hex}", "url" => "https://app.wickerby.example' + path + '"}, {#PID<0.{user}.0>, #Reference<0.3902140917.1740374017.{id}>}, %Phoenix.Socket{assigns: %{}, channel: Phoenix.LiveView.Channel, endpoint: TutorhubWeb.Endpoint, handler: Phoenix.LiveView.Socket, joined: false, topic: "lv:phx-F{hex}", transport: :websocket}}',
        "state": "{#PID<0.{user}.0>, #Reference<0.3902140917.1740374017.{id}>}",
    }
LOGS = {"search": "tutorhub - crashes", **LV_APP}
JOBS = {"search": "tutorhub - oban job failures", "source": "/var/log/containers/tutorhub-jobs.log"}
# A stats search over Oban's JSON lines: failures per worker (and the last banner) per hour.
BY_WORKER = "tutorhub - oban failures by worker (1h)"
LV_JS = "deps/phoenix_live_view/priv/static/phoenix_live_view.esm.js"
HOOK = (
    js(LV_JS, "ViewHook.__mounted", 3120, 51, "app", lib=True),
    js(LV_JS, "View.maybeAddNewHook", 4107, 12, "app", lib=True),
)
CLICK = (
    js(LV_JS, "LiveSocket.bindClick", 4890, 9, "app", lib=True),
    js(LV_JS, "View.pushEvent", 3734, 17, "app", lib=True),
)


def live_msg(view: str, event: str, payload: str) -> dict[str, str]:
    return {
        "last": f'%Phoenix.Socket.Message{{topic: "lv:phx-F{{hex}}", event: "event", payload: %{{"event" => "{event}", "type" => "click", "value" => {payload}}}, ref: "{{n}}", join_ref: "4"}}',
        "state": '%{components: {%{}, %{}, 1}, join_ref: "4", serializer: Phoenix.Socket.V2.JSONSerializer, socket: #Phoenix.LiveView.Socket<id: "phx-F{hex}", endpoint: TutorhubWeb.Endpoint, view: ' + view + ', parent_pid: nil, root_pid: #PID<0.{id}.0>, router: TutorhubWeb.Router, assigns: #Phoenix.LiveView.Socket.AssignsNotInSocket<>, transport_pid: #PID<0.{user}.0>, ...>, topic: "lv:phx-F{hex}", upload_names: %{}, upload_pids: %{}}',
    }


def constraint(index: str) -> str:
    return f'constraint error when attempting to insert struct:\n\n    * "{index}" (unique_constraint)\n\nIf you would like to stop this constraint violation from raising an\nexception and instead add it as an error to your changeset, please\ncall `unique_constraint/3` on your changeset with the constraint\n`:name` as an option.\n\nThe changeset has not defined any constraint.\n'


def no_results(schema: str, alias: str) -> str:
    return f"expected at least one result but got none in query:\n\nfrom {alias}0 in {schema},\n  where: {alias}0.id == ^{{id}}\n"


POOL = "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough. You can address this by:\n\n  1. Ensuring your database is available and that you can connect to it\n  2. Tracking down slow queries and making sure they are running fast enough\n  3. Increasing the pool_size (although this increases resource consumption)\n  4. Allowing requests to wait longer by increasing :queue_target and :queue_interval\n\nSee DBConnection.start_link/2 for more information\n"

BUGS = [
    # A tutor without a timezone in their availability: the booking page and the reschedule
    # job both fail in the one calendar helper.
    Bug("bf-booking-timezone-key", "tutorhub", (Exc("KeyError", 'key :timezone not found in: %{days: [1, 3, 5], from: ~T[09:00:00], to: ~T[17:00:00]}', (*LIVE_EVENT, ex("TutorhubWeb.BookingLive", "handle_event/3", "lib/tutorhub_web/live/booking_live.ex", 88), ex("Tutorhub.Bookings", "propose/3", "lib/tutorhub/bookings.ex", 61), SLOT_FOR)),),
        (see("sentry.error"), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **LOGS, **live_msg("TutorhubWeb.BookingLive", "book", '"{id}"'))),
        classes=(4, 9), pair="bf-reschedule-timezone-key", span=2),
    Bug("bf-reschedule-timezone-key", "tutorhub-jobs", (Exc("KeyError", 'key :timezone not found in: %{days: [1, 3, 5], from: ~T[09:00:00], to: ~T[17:00:00]}', (*OBAN, ex("Tutorhub.Workers.RescheduleLesson", "perform/1", "lib/tutorhub/workers/reschedule_lesson.ex", 22), ex("Tutorhub.Lessons", "move/2", "lib/tutorhub/lessons.ex", 140), SLOT_FOR)),),
        (see("sentry.error", 2, mechanism="oban"), see("splunk", 2, queue="lessons", **JOBS)),
        classes=(4, 9), pair="bf-booking-timezone-key", entry="Tutorhub.Workers.RescheduleLesson"),
    # Ecto's NoResultsError: which schema the query names is the bug.
    Bug("bf-lesson-no-results", "tutorhub", (Exc("NoResultsError", no_results("Tutorhub.Lessons.Lesson", "l"), (*LIVE_MOUNT, ex("TutorhubWeb.LessonLive.Show", "mount/3", "lib/tutorhub_web/live/lesson_live/show.ex", 14), ex("Tutorhub.Lessons", "get_lesson!/1", "lib/tutorhub/lessons.ex", 33), *ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS, **mount_msg("/lessons/{id}"))),
        classes=(4,), pair="bf-invoice-no-results"),
    Bug("bf-invoice-no-results", "tutorhub-jobs", (Exc("NoResultsError", no_results("Tutorhub.Billing.Invoice", "i"), (*OBAN, ex("Tutorhub.Workers.SendInvoice", "perform/1", "lib/tutorhub/workers/send_invoice.ex", 17), ex("Tutorhub.Billing", "get_invoice!/1", "lib/tutorhub/billing.ex", 52), *ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.issue"), see("splunk", 2, queue="billing", **JOBS)),
        classes=(4,), pair="bf-lesson-no-results", entry="Tutorhub.Workers.SendInvoice"),
    # One payout function, two exceptions.
    Bug("bf-payout-case-clause", "tutorhub-jobs", (Exc("CaseClauseError", "no case clause matching: {:error, :currency_mismatch}", (*OBAN, ex("Tutorhub.Workers.WeeklyPayout", "perform/1", "lib/tutorhub/workers/weekly_payout.ex", 19), ex("Tutorhub.Payouts", "compute/1", "lib/tutorhub/payouts.ex", 74))),),
        (see("sentry.error", 2, mechanism="oban"), see("splunk", 2, queue="payouts", **JOBS), see("splunk", search=BY_WORKER, stats={"worker": "Tutorhub.Workers.WeeklyPayout", "queue": "payouts", "failures": "{n}", "last_error": "** (CaseClauseError) no case clause matching: {:error, :currency_mismatch}"})),
        classes=(4,), pair="bf-payout-arithmetic", entry="Tutorhub.Workers.WeeklyPayout"),
    Bug("bf-payout-arithmetic", "tutorhub-jobs", (Exc("ArithmeticError", "bad argument in arithmetic expression", (*OBAN, ex("Tutorhub.Workers.WeeklyPayout", "perform/1", "lib/tutorhub/workers/weekly_payout.ex", 19), ex("Tutorhub.Payouts", "compute/1", "lib/tutorhub/payouts.ex", 81), ex(":erlang", "*/2", "", 0, "erts 15.1.2"))),),
        (see("sentry.error", mechanism="oban"), see("sentry.error", mechanism="oban", release=1), see("sentry.issue"), see("splunk", 2, queue="payouts", **JOBS)),
        classes=(4,), pair="bf-payout-case-clause", entry="Tutorhub.Workers.WeeklyPayout", span=2),
    # A missing unique_constraint/3: which index is the bug.
    Bug("bf-signup-email-constraint", "tutorhub", (Exc("ConstraintError", constraint("students_email_index"), (*LIVE_EVENT, ex("TutorhubWeb.SignupLive", "handle_event/3", "lib/tutorhub_web/live/signup_live.ex", 45), ex("Tutorhub.Accounts", "register_student!/1", "lib/tutorhub/accounts.ex", 29), *ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS, **live_msg("TutorhubWeb.SignupLive", "signup", '"{email}"'))),
        classes=(4,), pair="bf-review-lesson-constraint"),
    Bug("bf-review-lesson-constraint", "tutorhub", (Exc("ConstraintError", constraint("reviews_lesson_id_student_id_index"), (*LIVE_EVENT, ex("TutorhubWeb.ReviewLive", "handle_event/3", "lib/tutorhub_web/live/review_live.ex", 37), ex("Tutorhub.Reviews", "create_review!/2", "lib/tutorhub/reviews.ex", 18), *ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS, **live_msg("TutorhubWeb.ReviewLive", "review", '"{n}"'))),
        classes=(4,), pair="bf-signup-email-constraint"),
    # Two LiveView hooks read a dataset off an element that is not there yet.
    Bug("bf-web-calendar-hook", "tutorhub-web", (Exc("TypeError", frames=(*HOOK, js("assets/js/hooks/calendar.js", "mounted", 14, 33, "app")), js=JsError("read-undefined", "this.el.querySelector('[data-week]')", "dataset")),),
        (see("posthog", browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror", release=1), see("posthog", browser="edge", chunk="app", resolved=True, mechanism="onerror", release=1)),
        classes=(3, 4), pair="bf-web-whiteboard-hook", span=2, page="/book"),
    Bug("bf-web-whiteboard-hook", "tutorhub-web", (Exc("TypeError", frames=(*HOOK, js("assets/js/hooks/whiteboard.js", "mounted", 22, 41, "app")), js=JsError("read-undefined", "this.el.querySelector('[data-board]')", "dataset")),),
        (see("posthog", browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="chrome", chunk="app", resolved=True, mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror")),
        classes=(3, 4), pair="bf-web-calendar-hook", page="/lessons/live"),
    # The video room object replaced by an SDK upgrade: a method that is gone.
    Bug("bf-web-room-leave", "tutorhub-web", (Exc("TypeError", frames=(*CLICK, js("assets/js/hooks/video_room.js", "leave", 58, 17, "app")), js=JsError("not-function", "this.room", "disconnect", "()")),),
        (see("posthog", 2, browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror", release=1), see("posthog", browser="edge", chunk="app", resolved=True, mechanism="onerror", release=1)),
        classes=(3,), page="/lessons/live", span=2),
    # A date picker given an empty value.
    Bug("bf-web-datepicker-invalid", "tutorhub-web", (Exc("RangeError", "Invalid time value", (*HOOK, js("assets/js/hooks/date_picker.js", "mounted", 9, 28, "app"), js("node_modules/date-fns/format.js", "format", 372, 11, "app", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="edge", chunk="app", resolved=True, mechanism="onerror")),
        classes=(3,), page="/book"),
    # Stripe's webhook for a payment intent the app never created.
    Bug("bf-stripe-webhook-match", "tutorhub", (Exc("MatchError", "no match of right hand side value: {:error, :not_found}", (*PLUG, ex("TutorhubWeb.StripeWebhookController", "create/2", "lib/tutorhub_web/controllers/stripe_webhook_controller.ex", 31), ex("TutorhubWeb.StripeWebhookController", "handle_event/1", "lib/tutorhub_web/controllers/stripe_webhook_controller.ex", 58))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **LOGS, endpoint="TutorhubWeb.Endpoint", server="app.wickerby.example")),
        entry="POST /webhooks/stripe"),
    # Reminder texts timing out at the SMS gateway: Oban's log names only the worker.
    Bug("bf-reminder-sms-timeout", "tutorhub-jobs", (Exc("TransportError", "timeout", (*OBAN, ex("Tutorhub.Workers.LessonReminder", "perform/1", "lib/tutorhub/workers/lesson_reminder.ex", 26), ex("Tutorhub.Sms", "send/2", "lib/tutorhub/sms.ex", 19), ex("Req", "request!/2", "lib/req.ex", 1105, "req 0.5.7")), module="Req"),),
        (see("sentry.error", mechanism="oban"), see("sentry.error", mechanism="oban", release=1), see("splunk", 3, queue="notifications", **JOBS)),
        entry="Tutorhub.Workers.LessonReminder", span=2),
    # Meeting links created with an expired Zoom token.
    Bug("bf-zoom-token", "tutorhub-jobs", (Exc("RuntimeError", 'Zoom API returned 401: {"code":124,"message":"Invalid access token."}', (*OBAN, ex("Tutorhub.Workers.CreateMeeting", "perform/1", "lib/tutorhub/workers/create_meeting.ex", 15), ex("Tutorhub.Zoom", "create_meeting/2", "lib/tutorhub/zoom.ex", 44))),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.issue"), see("splunk", 3, queue="meetings", **JOBS), see("splunk", search=BY_WORKER, stats={"worker": "Tutorhub.Workers.CreateMeeting", "queue": "meetings", "failures": "{n}"})),
        entry="Tutorhub.Workers.CreateMeeting"),
    # The search page's mount starved of database connections during a bulk import.
    Bug("bf-search-pool", "tutorhub", (Exc("ConnectionError", POOL, (*LIVE_MOUNT, ex("TutorhubWeb.TutorSearchLive", "mount/3", "lib/tutorhub_web/live/tutor_search_live.ex", 21), ex("Tutorhub.Tutors", "search/1", "lib/tutorhub/tutors.ex", 88), ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1096, "ecto_sql 3.12.1")), module="DBConnection"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **LOGS, **mount_msg("/tutors?subject=maths"))),
        span=2),
    # Seen once: a certificate template missing from the release.
    Bug("bf-certificate-font", "tutorhub-jobs", (Exc("Error", 'could not read file "/app/lib/tutorhub-1.9.0/priv/fonts/Lora-Bold.ttf": no such file or directory', (*OBAN, ex("Tutorhub.Workers.Certificate", "perform/1", "lib/tutorhub/workers/certificate.ex", 12), ex("File", "read!/1", "lib/file.ex", 382, "elixir 1.17.3")), module="File"),),
        (see("sentry.error", mechanism="oban"),),
        singleton=True, entry="Tutorhub.Workers.Certificate"),
]

NOISE = [
    Noise("bf-noise-oban-stop", "tutorhub-jobs", "splunk", {**JOBS, "line": '{gts} [info] {"args":{"lesson_id":{id}},"attempt":1,"duration":{ms},"event":"job:stop","id":{order},"max_attempts":20,"meta":{},"queue":"notifications","queue_time":{n},"source":"oban","state":"success","tags":[],"worker":"Tutorhub.Workers.LessonReminder"}'}),
    Noise("bf-noise-sentry-resolved", "tutorhub", "sentry.metric", {"rule": "tutorhub crash rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

WICKERBY = Company(
    key="bf",
    name="Wickerby Tutors",
    domain="wickerby.example",
    sentry_org="wickerby",
    splunk_url="https://wickerby.splunkcloud.com",
    splunk_guid="A81C3F07-94E2-4B6D-8D15-2F7E60C9B3A8",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(88213, "Wickerby app"),
    releases=("1.8.2", "1.9.0", "1.9.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wickerby-sentry-client-secret",
)
