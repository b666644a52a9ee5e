"""(dh) Grisedale Languages, a language school: one Phoenix 1.7 release on Elixir 1.17 / OTP 27
(``classroom``: LiveView pages for placement tests, lessons and billing; Ecto over Postgres),
its Oban 2.18 queues in the same release (``classroom-jobs``) and the LiveView hooks of its
esbuild bundle (``classroom-web``).

Sentry: sentry-elixir 10. PostHog: posthog-js on the LiveView pages. Datadog: log monitors
over the release's stdout in Logger's default console format (``$time $metadata[$level]
$message``), pasting a sample of the crash (``GenServer … terminating``, Plug.Cowboy's
"running … terminated") or of Oban's default job logger line; one monitor covers every Oban
failure. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.elixir", "10.7.1", "hex:sentry")
RELEASES = ("classroom@3.4.0", "classroom@3.4.1", "classroom@3.5.0")
SERVICES = {
    "classroom": Service("classroom", "elixir", "elixir", "", "", "", 8841011, "Elixir 1.17.2", framework="generic", sdk=SDK, releases=RELEASES),
    "classroom-jobs": Service("classroom-jobs", "elixir", "dh-oban-text", "", "", "", 8841011, "Elixir 1.17.2", framework="oban", sdk=SDK, releases=RELEASES),
    "classroom-web": Service("classroom-web", "javascript", "", "", "", "", 8841014, origin="https://learn.grisedale.example", releases=RELEASES),
}


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


STDLIB = "stdlib 6.0.1"
LV = "phoenix_live_view 1.0.0-rc.7"
LIVE_EVENT = (
    ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 329, STDLIB),
    ex(":gen_server", "handle_msg/6", "gen_server.erl", 2317, STDLIB),
    ex("Phoenix.LiveView.Channel", "handle_info/2", "lib/phoenix_live_view/channel.ex", 288, LV),
    ex(":telemetry", "span/3", "/app/deps/telemetry/src/telemetry.erl", 321, "telemetry 1.3.0"),
    ex("Phoenix.LiveView.Channel", "anonymous fn/3 in view_handle_event/3", "lib/phoenix_live_view/channel.ex", 479, LV),
)
LIVE_MOUNT = (
    ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 329, STDLIB),
    ex(":gen_server", "handle_msg/6", "gen_server.erl", 2317, STDLIB),
    ex("Phoenix.LiveView.Channel", "mount/3", "lib/phoenix_live_view/channel.ex", 1180, LV),
    ex("Phoenix.LiveView.Utils", "maybe_call_mount!/3", "lib/phoenix_live_view/utils.ex", 396, LV),
)
OBAN = (
    ex("Task.Supervised", "invoke_mfa/2", "lib/task/supervised.ex", 101, "elixir 1.17.2"),
    ex("Oban.Queue.Executor", "perform/1", "lib/oban/queue/executor.ex", 145, "oban 2.18.2"),
)
ECTO_ONE = (ex("Ecto.Repo.Queryable", "one!/3", "lib/ecto/repo/queryable.ex", 164, "ecto 3.12.3"),)
ECTO_INSERT = (ex("Ecto.Repo.Schema", "insert!/4", "lib/ecto/repo/schema.ex", 304, "ecto 3.12.3"),)
SCORE = ex("Classroom.Placement", "band_for/2", "lib/classroom/placement.ex", 52)
APP = {"otp_app": "classroom"}
LOGS = {"style": "sample", "monitor": "classroom crashes", "team": "learning", **APP}
OBAN_MON = {"style": "sample", "monitor": "oban job failures", "team": "learning", **APP}
LV_JS = "deps/phoenix_live_view/priv/static/phoenix_live_view.esm.js"
HOOK = (js(LV_JS, "ViewHook.__mounted", 3166, 51, "app", lib=True),)
CLICK = (js(LV_JS, "View.pushEvent", 3790, 17, "app", lib=True),)


def lv_state(view: str) -> dict[str, str]:
    return {"last": '%Phoenix.Socket.Message{topic: "lv:phx-F{hex}", event: "event", payload: %{"event" => "submit", "type" => "form"}, ref: "{n}", join_ref: "4"}', "state": '%{socket: #Phoenix.LiveView.Socket<id: "phx-F{hex}", endpoint: ClassroomWeb.Endpoint, view: ' + view + ', ...>}'}


def no_results(schema: str, alias: str) -> str:
    return f"expected at least one result but got none in query:\n\nfrom {alias}0 in {schema},\n  where: {alias}0.id == ^{{id}}\n"


def constraint(index: str) -> str:
    return f'constraint error when attempting to insert struct:\n\n    * "{index}" (unique_constraint)\n\nIf you would like to stop this constraint violation from raising an\nexception and instead add it as an error to your changeset, please\ncall `unique_constraint/3` on your changeset with the constraint\n`:name` as an option.\n\nThe changeset has not defined any constraint.\n'


BUGS = [
    # A placement test without a level: the LiveView and the regrading job share one helper.
    Bug("dh-placement-level-key", "classroom", (Exc("KeyError", "key :level not found in: %{score: {n}, answered: {idx}}", (*LIVE_EVENT, ex("ClassroomWeb.PlacementLive", "handle_event/3", "lib/classroom_web/live/placement_live.ex", 71), SCORE)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("datadog.log", **LOGS, **lv_state("ClassroomWeb.PlacementLive"))),
        classes=(4, 9), pair="dh-regrade-level-key", span=2),
    Bug("dh-regrade-level-key", "classroom-jobs", (Exc("KeyError", "key :level not found in: %{score: {n}, answered: {idx}}", (*OBAN, ex("Classroom.Workers.Regrade", "perform/1", "lib/classroom/workers/regrade.ex", 18), SCORE)),),
        (see("sentry.error", 2, mechanism="oban"), see("datadog.log", 2, queue="grading", **OBAN_MON)),
        classes=(4, 9), pair="dh-placement-level-key", entry="Classroom.Workers.Regrade"),
    # NoResultsError: which schema is the bug.
    Bug("dh-lesson-no-results", "classroom", (Exc("NoResultsError", no_results("Classroom.Lessons.Lesson", "l"), (*LIVE_MOUNT, ex("ClassroomWeb.LessonLive", "mount/3", "lib/classroom_web/live/lesson_live.ex", 19), *ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **LOGS, **lv_state("ClassroomWeb.LessonLive"))),
        classes=(4,), pair="dh-teacher-no-results"),
    Bug("dh-teacher-no-results", "classroom", (Exc("NoResultsError", no_results("Classroom.Staff.Teacher", "t"), (*LIVE_MOUNT, ex("ClassroomWeb.TeacherLive", "mount/3", "lib/classroom_web/live/teacher_live.ex", 23), *ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", **LOGS, **lv_state("ClassroomWeb.TeacherLive"))),
        classes=(4, 5), pair="dh-lesson-no-results", span=3),
    # One billing function, two exceptions.
    Bug("dh-charge-case-clause", "classroom-jobs", (Exc("CaseClauseError", "no case clause matching: {:error, :card_expired}", (*OBAN, ex("Classroom.Workers.MonthlyCharge", "perform/1", "lib/classroom/workers/monthly_charge.ex", 14), ex("Classroom.Billing", "charge/2", "lib/classroom/billing.ex", 88))),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.issue"), see("datadog.log", 2, queue="billing", **OBAN_MON)),
        classes=(4,), pair="dh-charge-function-clause", entry="Classroom.Workers.MonthlyCharge"),
    Bug("dh-charge-function-clause", "classroom-jobs", (Exc("FunctionClauseError", "no function clause matching in Classroom.Billing.charge/2", (*OBAN, ex("Classroom.Workers.MonthlyCharge", "perform/1", "lib/classroom/workers/monthly_charge.ex", 14), ex("Classroom.Billing", "charge/2", "lib/classroom/billing.ex", 80))),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.error", mechanism="oban", release=1), see("datadog.log", queue="billing", **OBAN_MON)),
        classes=(4,), pair="dh-charge-case-clause", entry="Classroom.Workers.MonthlyCharge", span=2),
    # Two unique indexes.
    Bug("dh-enrol-constraint", "classroom", (Exc("ConstraintError", constraint("enrolments_student_id_course_id_index"), (*LIVE_EVENT, ex("ClassroomWeb.EnrolLive", "handle_event/3", "lib/classroom_web/live/enrol_live.ex", 40), ex("Classroom.Courses", "enrol!/2", "lib/classroom/courses.ex", 33), *ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **LOGS, **lv_state("ClassroomWeb.EnrolLive"))),
        classes=(4,), pair="dh-attendance-constraint"),
    Bug("dh-attendance-constraint", "classroom", (Exc("ConstraintError", constraint("attendances_lesson_id_student_id_index"), (*LIVE_EVENT, ex("ClassroomWeb.RegisterLive", "handle_event/3", "lib/classroom_web/live/register_live.ex", 57), ex("Classroom.Attendance", "mark!/2", "lib/classroom/attendance.ex", 21), *ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGS, **lv_state("ClassroomWeb.RegisterLive"))),
        classes=(4,), pair="dh-enrol-constraint"),
    # Two hooks of the LiveView bundle reading a dataset too early.
    Bug("dh-web-audio-hook", "classroom-web", (Exc("TypeError", frames=(*HOOK, js("assets/js/hooks/audio_player.js", "mounted", 11, 35, "app")), js=JsError("read-undefined", "this.el.dataset.track", "length")),),
        (see("posthog", browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="edge", chunk="app", resolved=True, mechanism="onerror")),
        classes=(3, 4), pair="dh-web-flashcard-hook", page="/lessons/listen"),
    Bug("dh-web-flashcard-hook", "classroom-web", (Exc("TypeError", frames=(*HOOK, js("assets/js/hooks/flashcards.js", "mounted", 27, 18, "app")), js=JsError("read-undefined", "this.el.dataset.deck", "length")),),
        (see("posthog", 2, browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror", release=1), see("posthog", browser="firefox", chunk="app", resolved=True, mechanism="onerror", release=1)),
        classes=(3, 4, 5), pair="dh-web-audio-hook", page="/decks", span=2),
    Bug("dh-web-recorder-stop", "classroom-web", (Exc("TypeError", frames=(*CLICK, js("assets/js/hooks/recorder.js", "stop", 44, 21, "app")), js=JsError("not-function", "this.recorder", "stopRecording", "()")),),
        (see("posthog", 2, browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror")),
        classes=(3,), page="/lessons/speak"),
    # The timetable page's mount starved of connections.
    Bug("dh-timetable-pool", "classroom", (Exc("ConnectionError", "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough.", (*LIVE_MOUNT, ex("ClassroomWeb.TimetableLive", "mount/3", "lib/classroom_web/live/timetable_live.ex", 16), ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1078, "ecto_sql 3.12.0")), module="DBConnection"),),
        (see("sentry.error", 3), see("sentry.alert", rule="classroom: DB pool errors"), see("datadog.log", 2, **LOGS, **lv_state("ClassroomWeb.TimetableLive")), see("datadog.apm", style="route", monitor="classroom: live mount error rate", team="learning")),
        ),
    # A certificate renders a Decimal straight into HEEx.
    Bug("dh-certificate-decimal", "classroom", (Exc("UndefinedError", "protocol Phoenix.HTML.Safe not implemented for type Decimal (a struct). This protocol is implemented for the following type(s): Atom, BitString, Date, DateTime, Float, Integer, List, NaiveDateTime, Time, Tuple, URI\n\nGot value:\n\n    Decimal.new(\"{n}.5\")\n", (*LIVE_MOUNT, ex("ClassroomWeb.CertificateLive", "render/1", "lib/classroom_web/live/certificate_live.ex", 34), ex("Phoenix.HTML.Safe", "impl_for!/1", "lib/phoenix_html/safe.ex", 1, "phoenix_html 4.1.1")), module="Protocol"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **LOGS, **lv_state("ClassroomWeb.CertificateLive"))),
        ),
    # SMS reminders timing out: the Oban monitor names only the worker's line.
    Bug("dh-reminder-timeout", "classroom-jobs", (Exc("TransportError", "timeout", (*OBAN, ex("Classroom.Workers.LessonReminder", "perform/1", "lib/classroom/workers/lesson_reminder.ex", 21), ex("Req", "request!/2", "lib/req.ex", 1092, "req 0.5.6")), module="Req"),),
        (see("sentry.error", 2, mechanism="oban"), see("datadog.log", 2, queue="notifications", **OBAN_MON)),
        entry="Classroom.Workers.LessonReminder"),
    Bug("dh-transcode-file", "classroom-jobs", (Exc("Error", 'could not read file "/tmp/rec-{id}.webm": no such file or directory', (*OBAN, ex("Classroom.Workers.Transcode", "perform/1", "lib/classroom/workers/transcode.ex", 12), ex("File", "read!/1", "lib/file.ex", 382, "elixir 1.17.2")), module="File"),),
        (see("sentry.error", mechanism="oban"),),
        singleton=True, entry="Classroom.Workers.Transcode"),
    # Stripe's webhook for an invoice the school never issued: a plain controller, so the log
    # is Plug.Cowboy's "running … terminated" report.
    Bug("dh-stripe-webhook-match", "classroom", (Exc("MatchError", "no match of right hand side value: {:error, :not_found}", (ex(":cowboy_stream_h", "request_process/3", "/app/deps/cowboy/src/cowboy_stream_h.erl", 327, "cowboy 2.12.0"), ex("Plug.Cowboy.Handler", "init/2", "lib/plug/cowboy/handler.ex", 11, "plug_cowboy 2.7.1"), ex("ClassroomWeb.Endpoint", "plug_builder_call/2", "lib/classroom_web/endpoint.ex", 1), ex("Phoenix.Router", "__call__/5", "lib/phoenix/router.ex", 484, "phoenix 1.7.14"), ex("ClassroomWeb.StripeController", "webhook/2", "lib/classroom_web/controllers/stripe_controller.ex", 27), ex("Classroom.Billing", "mark_paid/1", "lib/classroom/billing.ex", 120))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, endpoint="ClassroomWeb.Endpoint", server="learn.grisedale.example", **LOGS), see("datadog.apm", style="route", monitor="classroom: stripe webhook error rate", team="learning")),
        entry="POST /webhooks/stripe"),
    # A course page reading the schedule of an archived course (its map has no weekday).
    Bug("dh-course-schedule-key", "classroom", (Exc("KeyError", "key :weekday not found in: %{starts: ~T[18:00:00], room: \"{idx}B\"}", (*LIVE_MOUNT, ex("ClassroomWeb.CourseLive", "mount/3", "lib/classroom_web/live/course_live.ex", 29), ex("Classroom.Courses", "next_session/1", "lib/classroom/courses.ex", 74))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue"), see("datadog.log", 2, **LOGS, **lv_state("ClassroomWeb.CourseLive"))),
        span=3),
]

NOISE = [
    Noise("dh-noise-deploy", "classroom", "datadog.event", {"monitor": "Deployed classroom 3.5.0", "text": "Fly.io release v214 of classroom (3.5.0) is healthy on 3 machines.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "learning"}),
    Noise("dh-noise-recovered", "classroom-jobs", "datadog.event", {"monitor": "[Recovered] oban job failures", "text": "oban job failures recovered: no failed jobs in the last 15 minutes.", "priority": "P3", "event_type": "query_alert_monitor", "alert_type": "success", "team": "learning"}),
]

GRISEDALE = Company(
    key="dh",
    name="Grisedale Languages",
    domain="grisedale.example",
    sentry_org="grisedale",
    splunk_url="",
    splunk_guid="",
    datadog_org=("774120", "Grisedale Languages"),
    datadog_template="recommended",
    posthog_project=(77301, "Grisedale classroom"),
    releases=("3.4.0", "3.4.1", "3.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="grisedale-sentry-client-secret",
)
# fmt: on
