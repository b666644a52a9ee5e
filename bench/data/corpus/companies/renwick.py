"""(jx) Renwick Riding School, riding lessons and pony treks: a Next.js 13.5 Pages Router app
built with ``output: "standalone"`` and run in Docker (``stables``: ``getServerSideProps`` on
the lesson, instructor and home pages, API routes under ``pages/api`` for bookings, the
waiting list and the forecast; node-postgres on Postgres, a weather API over fetch) and the
same app in the browser (``stables-web``: webpack 5 chunks under ``/_next/static/chunks``,
``pages/<route>-<hash>.js`` with a dynamic segment's brackets percent-encoded).

Sentry: @sentry/nextjs 7 on the server (``wrapGetServerSidePropsWithSentry``,
``wrapApiHandlerWithSentry``) and in the browser; four browsers. PostHog: posthog-js exception
autocapture in the browser (minified frames). No Splunk, no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Service, see
from ..stacks import REACT_EFFECT, REACT_RENDER, js, nd

# fmt: off
SDK = ("sentry.javascript.nextjs", "7.119.0", "npm:@sentry/nextjs")
SERVICES = {
    "stables": Service("stables", "node", "", "", "", "", 9330301, "node v18.20.4", framework="nextjs", sdk=SDK),
    "stables-web": Service("stables-web", "javascript", "", "", "", "", 9330302, origin="https://www.renwick-riding.example", framework="nextjs", sdk=SDK),
}

SSP = (
    nd("node_modules/next/dist/server/render.js", "renderToHTMLImpl", 659, 34, lib=True, awaited=True),
    nd("node_modules/@sentry/nextjs/cjs/common/wrapGetServerSidePropsWithSentry.js", "Object.apply", 43, 32, lib=True, awaited=True),
    nd("node_modules/@sentry/nextjs/cjs/common/utils/wrapperUtils.js", "", 96, 24, lib=True, awaited=True),
)
API = (
    nd("node_modules/next/dist/server/api-utils/node.js", "apiResolver", 372, 9, lib=True, awaited=True),
    nd("node_modules/@sentry/nextjs/cjs/common/wrapApiHandlerWithSentry.js", "", 136, 31, lib=True, awaited=True),
)
PG = (
    nd("node_modules/pg/lib/client.js", "", 526, 17, lib=True, awaited=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 287, 98, lib=True),
)
UNDICI_JSON = (
    nd("node:internal/deps/undici/undici", "Response.json", 6751, 13, lib=True, awaited=True),
    nd("node:internal/deps/undici/undici", "successSteps", 6715, 21, lib=True),
    nd("<anonymous>", "JSON.parse", 0, 0, lib=True),
)
AXIOS = (
    js("node_modules/axios/lib/core/settle.js", "settle", 19, 12, "framework", lib=True),
    js("node_modules/axios/lib/adapters/xhr.js", "XMLHttpRequest.onloadend", 111, 7, "framework", lib=True),
)


def page(route: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"pages/{route}.tsx", fn, line, col, awaited=True)


def api(route: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"pages/api/{route}.ts", fn, line, col, awaited=True)


def lib(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"lib/{file}", fn, line, col, awaited=True)


NOT_JSON = "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"
GET_JSON = lib("backend.ts", "getJson", 14, 22)
REQUEST = js("lib/api.ts", "request", 27, 11, "pages/_app")
FORMAT_DATE = js("lib/dates.ts", "formatLessonDate", 9, 10, "pages/_app")
DATE_FNS = js("node_modules/date-fns/esm/format/index.js", "format", 368, 11, "pages/_app", lib=True)
LESSON = "pages/lessons/[id]"
BOOK = "pages/book/[id]"

BUGS = [
    # The same null read: a lesson page's getServerSideProps and the availability API route.
    Bug("jx-lesson-ssp-null", "stables", (Exc("TypeError", "Cannot read properties of null (reading 'slots')", (*SSP, page("lessons/[id]", "getServerSideProps", 24, 37), lib("schedule.ts", "openSlots", 8, 22))),),
        (see("sentry.error", 3), see("sentry.issue")),
        classes=(4, 6), pair="jx-availability-null", entry="GET /lessons/{id}", span=2),
    Bug("jx-availability-null", "stables", (Exc("TypeError", "Cannot read properties of null (reading 'slots')", (*API, api("availability", "handler", 18, 31))),),
        (see("sentry.error", 3),),
        classes=(4,), pair="jx-lesson-ssp-null", entry="GET /api/availability"),
    # getJson from two pages: the weather API and the instructor CMS serving HTML.
    Bug("jx-home-weather-html", "stables", (Exc("SyntaxError", NOT_JSON, (*SSP, page("index", "getServerSideProps", 12, 25), lib("weather.ts", "todaysForecast", 21, 10), GET_JSON, *UNDICI_JSON)),),
        (see("sentry.error", 4),),
        classes=(9,), pair="jx-instructor-cms-html", entry="GET /"),
    Bug("jx-instructor-cms-html", "stables", (Exc("SyntaxError", NOT_JSON, (*SSP, page("instructors/[slug]", "getServerSideProps", 17, 30), lib("cms.ts", "getInstructor", 11, 16), GET_JSON, *UNDICI_JSON)),),
        (see("sentry.error", 2),),
        classes=(9,), pair="jx-home-weather-html", entry="GET /instructors/{slug}"),
    # node-postgres's DatabaseError (its name is "error") on two constraints.
    Bug("jx-booking-dup", "stables", (Exc("error", 'duplicate key value violates unique constraint "bookings_rider_id_lesson_id_key"', (*API, api("bookings/index", "handler", 41, 24), lib("db.ts", "insertBooking", 30, 18), *PG)),),
        (see("sentry.error", 3), see("sentry.error", in_app="all")),
        classes=(4, 10), pair="jx-waitlist-dup", entry="POST /api/bookings"),
    Bug("jx-waitlist-dup", "stables", (Exc("error", 'duplicate key value violates unique constraint "waitlist_rider_id_lesson_id_key"', (*API, api("waitlist", "handler", 22, 20), lib("db.ts", "insertWaitlist", 52, 18), *PG)),),
        (see("sentry.error", 2),),
        classes=(4,), pair="jx-booking-dup", entry="POST /api/waitlist"),
    # The pool cannot reach Postgres.
    Bug("jx-pg-refused", "stables", (Exc("Error", "connect ECONNREFUSED 10.0.{n}.12:5432", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1555, 16, lib=True),)),),
        (see("sentry.error", 4),),
        classes=(), entry="GET /api/availability"),
    # In the browser: an instructor's name read on two pages.
    Bug("jx-web-lesson-card", "stables-web", (Exc("TypeError", frames=(*REACT_RENDER, js("components/LessonCard.tsx", "LessonCard", 19, 41, "pages/lessons")), js=JsError("read-undefined", "lesson.instructor", "name")),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/lessons"), see("sentry.error", browser="safari", chunk="pages/lessons"), see("posthog", 3, browser="firefox", chunk="pages/lessons")),
        classes=(3, 4), pair="jx-web-booking-summary", page="/lessons"),
    Bug("jx-web-booking-summary", "stables-web", (Exc("TypeError", frames=(*REACT_RENDER, js("components/BookingSummary.tsx", "BookingSummary", 33, 28, BOOK)), js=JsError("read-undefined", "lesson.instructor", "name")),),
        (see("sentry.error", browser="chrome", chunk=BOOK), see("sentry.error", browser="edge", chunk=BOOK), see("posthog", browser="chrome", chunk=BOOK), see("posthog", browser="safari", chunk=BOOK)),
        classes=(3, 4), pair="jx-web-lesson-card", page="/book/4411"),
    # axios rejections through one request helper: a full lesson and an invalid waiting-list entry.
    Bug("jx-web-book-409", "stables-web", (Exc("AxiosError", "Request failed with status code 409", (*AXIOS, REQUEST, js("components/BookButton.tsx", "onClick", 22, 15, LESSON))),),
        (see("sentry.error", 2, browser="chrome", chunk=LESSON), see("posthog", 2, browser="safari", chunk=LESSON), see("posthog", browser="chrome", chunk=LESSON, resolved=True)),
        classes=(4, 9), pair="jx-web-waitlist-422", page="/lessons/2093"),
    Bug("jx-web-waitlist-422", "stables-web", (Exc("AxiosError", "Request failed with status code 422", (*AXIOS, REQUEST, js("components/WaitlistForm.tsx", "handleSubmit", 40, 9, LESSON))),),
        (see("sentry.error", 2, browser="firefox", chunk=LESSON), see("posthog", browser="chrome", chunk=LESSON)),
        classes=(4, 9), pair="jx-web-book-409", page="/lessons/2093"),
    # date-fns' Invalid time value through one formatter: the calendar and the confirmation page.
    Bug("jx-web-calendar-date", "stables-web", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, js("components/LessonCalendar.tsx", "DayCell", 47, 18, "pages/calendar"), FORMAT_DATE, DATE_FNS)),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/calendar"), see("sentry.error", browser="safari", chunk="pages/calendar"), see("posthog", browser="firefox", chunk="pages/calendar")),
        classes=(4, 9), pair="jx-web-confirm-date", page="/calendar"),
    Bug("jx-web-confirm-date", "stables-web", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, js("pages/book/confirmed.tsx", "Confirmed", 15, 24, "pages/book/confirmed"), FORMAT_DATE, DATE_FNS)),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/book/confirmed"), see("posthog", browser="edge", chunk="pages/book/confirmed")),
        classes=(4, 9), pair="jx-web-calendar-date", page="/book/confirmed"),
    # A horses list that is an object: .map is not a function, over two releases.
    Bug("jx-web-horses-map", "stables-web", (Exc("TypeError", frames=(*REACT_EFFECT, js("components/HorsePicker.tsx", "HorsePicker.useEffect", 26, 30, BOOK)), js=JsError("not-function", "horses", "map", "(n)")),),
        (see("sentry.error", 2, browser="chrome", chunk=BOOK), see("sentry.error", browser="safari", chunk=BOOK), see("posthog", 2, browser="firefox", chunk=BOOK)),
        classes=(3, 5), page="/book/5120", span=2),
    Bug("jx-web-chunk", "stables-web", (Exc("ChunkLoadError", "Loading chunk 8124 failed.\n(error: https://www.renwick-riding.example/_next/static/chunks/8124.{hex}.js)", (js("webpack/runtime/jsonp chunk loading", "__webpack_require__.f.j", 27, 29, "webpack", lib=True), js("pages/calendar.tsx", "Calendar", 6, 1, "pages/calendar"))),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/calendar"), see("posthog", 2, browser="safari", chunk="pages/calendar")),
        classes=(), page="/calendar"),
    # Chrome's benign ResizeObserver error from the calendar's auto-sizing grid.
    Bug("jx-web-resize-observer", "stables-web", (Exc("Error", "ResizeObserver loop completed with undelivered notifications.", ()),),
        (see("posthog", 3, browser="chrome", chunk="pages/calendar"), see("sentry.error", browser="edge", chunk="pages/calendar")),
        classes=(), page="/calendar"),
    Bug("jx-web-singleton-invariant", "stables-web", (Exc("Error", "Invariant: attempted to hard navigate to the same URL /lessons https://www.renwick-riding.example/lessons", (js("node_modules/next/dist/shared/lib/router/router.js", "handleHardNavigation", 57, 15, "main", lib=True), js("node_modules/next/dist/shared/lib/router/router.js", "Router.change", 1021, 13, "main", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="main"),),
        singleton=True, page="/lessons"),
]

NOISE: list = []

RENWICK = Company(
    key="jx",
    name="Renwick Riding School",
    domain="renwick-riding.example",
    sentry_org="renwick-riding",
    splunk_url="https://renwick.splunkcloud.com",
    splunk_guid="6A3D0E92-1B57-4C8F-9E24-8F0B3D6A1C75",
    datadog_org=("933050", "Renwick Riding School"),
    datadog_template="recommended",
    posthog_project=(93303, "Renwick web"),
    releases=("3.4.0", "3.4.1", "3.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="renwick-sentry-client-secret",
)
# fmt: on
