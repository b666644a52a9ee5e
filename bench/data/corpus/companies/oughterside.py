"""(gu) Oughterside Learning, online courses for apprentices: an Angular 17 SPA (``learn-web``,
NgModules and a few standalone components, built by the CLI's webpack browser builder:
``main.<16 hex>.js``, ``polyfills.<16 hex>.js`` with zone.js, ``runtime.<16 hex>.js``, lazy
routes in numbered chunks ``<id>.<16 hex>.js``).

Sentry: @sentry/angular's ``ErrorHandler`` (mechanism ``angular``), source maps uploaded for
most releases. PostHog: posthog-js exception autocapture plus the team's ``ErrorHandler``
calling ``posthog.captureException``, in Chrome, Edge, Firefox and Safari's words, raw minified
frames and, for processed events, resolved ones. Zone.js wraps unhandled promise rejections as
``Uncaught (in promise): …``; Angular's runtime errors carry their ``NG0…`` codes. No Splunk, no
Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SDK = ("sentry.javascript.angular", "8.42.0", "npm:@sentry/angular")
SERVICES = {
    "learn-web": Service("learn-web", "javascript", "", "", "", "", 7290114, origin="https://learn.oughterside.example", framework="angular", sdk=SDK),
}
ZONE = "node_modules/zone.js/fesm2015/zone.js"
CORE = "node_modules/@angular/core/fesm2022/core.mjs"
COMMON = "node_modules/@angular/common/fesm2022/common.mjs"
NG_CLICK = (
    js(ZONE, "HTMLButtonElement.globalZoneAwareCallback", 1720, 22, "polyfills", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 461, 22, "polyfills", lib=True),
    js(ZONE, "_ZoneDelegate.invokeTask", 424, 31, "polyfills", lib=True),
    js(CORE, "wrapListenerIn_markDirtyAndPreventDefault", 26173, 22, "main", lib=True),
)
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 399, 26, "polyfills", lib=True),
    js(CORE, "ApplicationRef.tick", 33017, 22, "main", lib=True),
    js(CORE, "detectChangesInView", 13467, 9, "main", lib=True),
    js(CORE, "executeTemplate", 12196, 9, "main", lib=True),
)
NG_CHECK = (
    *NG_RENDER,
    js(CORE, "callHookInternal", 4106, 13, "main", lib=True),
    js(COMMON, "NgForOf.ngDoCheck", 3073, 34, "main", lib=True),
)
NG_INIT = (
    js(ZONE, "_ZoneDelegate.invoke", 399, 26, "polyfills", lib=True),
    js(CORE, "ApplicationRef.tick", 33017, 22, "main", lib=True),
    js(CORE, "callHookInternal", 4106, 13, "main", lib=True),
)
NG_DESTROY = (
    js(ZONE, "_ZoneDelegate.invoke", 399, 26, "polyfills", lib=True),
    js(CORE, "executeOnDestroys", 9481, 17, "main", lib=True),
)
ZONE_REJECT = (
    js(ZONE, "drainMicroTaskQueue", 588, 35, "polyfills", lib=True),
    js(ZONE, "ZoneDelegate.invokeTask", 424, 31, "polyfills", lib=True),
    js(ZONE, "resolvePromise", 1113, 31, "polyfills", lib=True),
)
REJECT = '{{"headers":{{"normalizedNames":{{}},"lazyUpdate":null,"headers":{{}}}},"status":{st},"statusText":"{stt}","url":"https://api.oughterside.example/v1/{path}","ok":false,"name":"HttpErrorResponse","message":"Http failure response for https://api.oughterside.example/v1/{path}: {st} {stt}","error":{err}}}'
NGFOR = "NG02200: Cannot find a differ supporting object '[object Object]' of type 'object'. NgFor only supports binding to Iterables, such as Arrays. Did you mean to call the keyvalue pipe?"
ISO = {"spidermonkey": "invalid date", "jsc": "Invalid Date"}


def app(path: str, function: str, line: int, col: int, chunk: str) -> object:
    return js(f"src/app/{path}", function, line, col, chunk)


BUGS = [
    # The same undefined read of a course's modules, in the outline template and the progress service.
    Bug("gu-outline-modules", "learn-web", (Exc("TypeError", frames=(*NG_RENDER, app("course/outline/course-outline.component.html", "CourseOutlineComponent_Template", 12, 37, "512"), app("course/outline/course-outline.component.ts", "CourseOutlineComponent.lessonCount", 41, 30, "512")), js=JsError("read-undefined", "this.course.modules", "length")),),
        (see("sentry.error", browser="chrome", chunk="512"), see("sentry.error", browser="safari", chunk="512"), see("posthog", browser="chrome", chunk="512"), see("posthog", browser="firefox", chunk="512"), see("posthog", browser="edge", resolved=True, chunk="512")),
        classes=(3, 4), pair="gu-progress-modules", page="/courses/{slug}", entry="/courses/{slug}"),
    Bug("gu-progress-modules", "learn-web", (Exc("TypeError", frames=(*NG_INIT, app("course/progress/progress-ring.component.ts", "ProgressRingComponent.ngOnInit", 28, 14, "512"), app("core/progress.service.ts", "ProgressService.percentComplete", 57, 36, "main")), js=JsError("read-undefined", "course.modules", "length")),),
        (see("sentry.error", browser="firefox", chunk="512"), see("sentry.error", browser="chrome", sourcemaps=False, chunk="512"), see("posthog", browser="safari", chunk="512"), see("posthog", browser="chrome", chunk="512")),
        classes=(3, 4), pair="gu-outline-modules", page="/dashboard", entry="/dashboard"),
    # NgFor given an object instead of an array: the course list's API shape change, the quiz results' map.
    Bug("gu-ngfor-catalogue", "learn-web", (Exc("Error", NGFOR, (*NG_CHECK, app("catalogue/catalogue.component.html", "CatalogueComponent_Template", 8, 5, "main"))),),
        (see("sentry.error", 2, browser="chrome"), see("sentry.issue", browser="chrome"), see("posthog", browser="edge"), see("posthog", browser="firefox")),
        classes=(4, 5), pair="gu-ngfor-results", page="/catalogue", entry="/catalogue", span=2),
    Bug("gu-ngfor-results", "learn-web", (Exc("Error", NGFOR, (*NG_CHECK, app("quiz/results/quiz-results.component.html", "QuizResultsComponent_Template", 21, 7, "786"))),),
        (see("sentry.error", browser="safari", chunk="786"), see("sentry.error", browser="chrome", chunk="786"), see("posthog", 2, browser="chrome", chunk="786"), see("posthog", browser="firefox", chunk="786")),
        classes=(4,), pair="gu-ngfor-catalogue", page="/quizzes/{id}/results", entry="/quizzes/{id}/results"),
    # Zone's wrapped promise rejections from HttpClient: enrolments offline (status 0), certificates timing out at the gateway.
    Bug("gu-enrol-status0", "learn-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=0, stt="Unknown Error", path="enrolments/{id}", err='{"isTrusted":true}'), ZONE_REJECT),),
        (see("sentry.error", 2, browser="chrome"), see("sentry.error", browser="safari"), see("sentry.issue", browser="chrome"), see("posthog", browser="firefox"), see("posthog", browser="chrome", mechanism="onunhandledrejection")),
        classes=(4,), pair="gu-cert-status504", page="/courses/{slug}/enrol", entry="/courses/{slug}/enrol"),
    Bug("gu-cert-status504", "learn-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=504, stt="Gateway Timeout", path="certificates/{id}/pdf", err='"<html><body><h1>504 Gateway Time-out</h1></body></html>"'), ZONE_REJECT),),
        (see("sentry.error", 2, browser="edge"), see("sentry.error", browser="safari"), see("posthog", 2, browser="chrome", mechanism="onunhandledrejection")),
        classes=(4,), pair="gu-enrol-status0", page="/certificates", entry="/certificates"),
    # One toIsoDay helper: a certificate's issue date and a schedule slot, each an Invalid Date.
    Bug("gu-cert-isoday", "learn-web", (Exc("RangeError", "Invalid time value", (*NG_CLICK, app("certificates/certificate-card.component.ts", "CertificateCardComponent.download", 64, 19, "main"), app("shared/dates.ts", "toIsoDay", 7, 27, "main")), engines=ISO),),
        (see("sentry.error", browser="chrome"), see("sentry.error", browser="firefox"), see("posthog", browser="safari"), see("posthog", browser="firefox", resolved=True)),
        classes=(3, 4, 9), pair="gu-schedule-isoday", page="/certificates", entry="/certificates"),
    Bug("gu-schedule-isoday", "learn-web", (Exc("RangeError", "Invalid time value", (*NG_CLICK, app("schedule/week-view.component.ts", "WeekViewComponent.book", 112, 33, "903"), app("shared/dates.ts", "toIsoDay", 7, 27, "main")), engines=ISO),),
        (see("sentry.error", browser="safari", chunk="903"), see("sentry.error", browser="edge", chunk="903"), see("posthog", browser="chrome", chunk="903"), see("posthog", browser="firefox", chunk="903")),
        classes=(3, 4, 9), pair="gu-cert-isoday", page="/schedule", entry="/schedule"),
    # A null player, read when the video page is left and when the transcript follows along.
    Bug("gu-player-destroy-null", "learn-web", (Exc("TypeError", frames=(*NG_DESTROY, app("lesson/video/video-player.component.ts", "VideoPlayerComponent.ngOnDestroy", 88, 26, "241")), js=JsError("read-null", "this.player", "currentTime")),),
        (see("sentry.error", browser="chrome", chunk="241"), see("sentry.error", browser="firefox", chunk="241"), see("posthog", browser="safari", chunk="241"), see("posthog", browser="edge", chunk="241")),
        classes=(3, 4), pair="gu-transcript-sync-null", page="/lessons/{id}", entry="/lessons/{id}"),
    Bug("gu-transcript-sync-null", "learn-web", (Exc("TypeError", frames=(*NG_CLICK, app("lesson/transcript/transcript.component.ts", "TranscriptComponent.seekTo", 45, 21, "241")), js=JsError("read-null", "this.player", "currentTime")),),
        (see("sentry.error", browser="safari", chunk="241"), see("sentry.error", browser="chrome", chunk="241"), see("posthog", browser="chrome", chunk="241"), see("posthog", browser="firefox", chunk="241")),
        classes=(3, 4), pair="gu-player-destroy-null", page="/lessons/{id}", entry="/lessons/{id}"),
    # A missing provider in a lazy standalone route, names minified by the build.
    Bug("gu-injector-pdf", "learn-web", (Exc("NullInjectorError", "R3InjectorError(Standalone[Wn])[Zt -> Zt -> Zt]: \n  NullInjectorError: No provider for Zt!", (*NG_INIT, js(CORE, "NullInjector.get", 1579, 27, "main", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="318"), see("sentry.alert", browser="edge", chunk="318", rule="New issue in learn-web"), see("posthog", browser="safari", chunk="318"), see("posthog", browser="chrome", chunk="318")),
        classes=(10,), page="/certificates/{id}/print", entry="/certificates/{id}/print"),
    # Lazy chunks gone after a deploy: each release names other chunk files.
    Bug("gu-chunk-load", "learn-web", (Exc("ChunkLoadError", "Loading chunk 786 failed.\n(error: {chunkurl})", (js("webpack/runtime/jsonp chunk loading", "__webpack_require__.f.j", 1, 1, "runtime", lib=True), js("webpack/runtime/load script", "HTMLScriptElement.onScriptComplete", 1, 1, "runtime", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="786"), see("sentry.error", browser="safari", chunk="786"), see("sentry.error", browser="firefox", chunk="786"), see("posthog", browser="chrome", chunk="786"), see("posthog", browser="edge", chunk="786")),
        classes=(5,), page="/quizzes/{id}/results", entry="/quizzes/{id}/results", span=3),
    # A due date that is a string after a form reset, called as a Moment.
    Bug("gu-due-todate", "learn-web", (Exc("TypeError", frames=(*NG_CLICK, app("assignments/assignment-form.component.ts", "AssignmentFormComponent.submit", 73, 41, "655")), js=JsError("not-function", "this.form.value.dueDate", "toDate", "()")),),
        (see("sentry.error", browser="chrome", chunk="655"), see("sentry.error", browser="safari", chunk="655"), see("posthog", browser="firefox", chunk="655"), see("posthog", browser="edge", chunk="655"), see("posthog", browser="chrome", chunk="655", resolved=True)),
        classes=(3, 5), page="/assignments/new", entry="/assignments/new", span=2),
    # A quiz draft saved as the string "undefined" and parsed back.
    Bug("gu-draft-json", "learn-web", (Exc("SyntaxError", '"undefined" is not valid JSON', (*NG_INIT, app("quiz/quiz-draft.service.ts", "QuizDraftService.restore", 19, 24, "786")), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": 'JSON Parse error: Unexpected identifier "undefined"'}),),
        (see("sentry.error", browser="chrome", chunk="786"), see("sentry.error", browser="firefox", chunk="786"), see("sentry.error", browser="safari", chunk="786"), see("posthog", browser="edge", chunk="786")),
        classes=(3,), page="/quizzes/{id}", entry="/quizzes/{id}"),
    # localStorage full of drafts.
    Bug("gu-draft-quota", "learn-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'quiz-draft-{id}' exceeded the quota.", (*NG_CLICK, app("quiz/quiz-draft.service.ts", "QuizDraftService.save", 31, 18, "786")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", browser="chrome", chunk="786"), see("sentry.error", browser="safari", chunk="786"), see("posthog", browser="firefox", chunk="786")),
        classes=(3,), page="/quizzes/{id}", entry="/quizzes/{id}"),
    Bug("gu-singleton-ng0203", "learn-web", (Exc("Error", "NG0203: inject() must be called from an injection context such as a constructor, a factory function, a field initializer, or a function used with `runInInjectionContext`. Find more at https://angular.dev/errors/NG0203", (*NG_CLICK, app("profile/avatar-upload.component.ts", "AvatarUploadComponent.onFile", 52, 23, "main"), js(CORE, "injectInjectorOnly", 1027, 15, "main", lib=True))),),
        (see("sentry.error", browser="chrome"),),
        singleton=True, page="/profile", entry="/profile"),
]

NOISE = [
    Noise("gu-noise-errors-resolved", "learn-web", "sentry.metric", {"rule": "learn-web errors per 10 minutes", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("gu-noise-users-warning", "learn-web", "sentry.metric", {"rule": "learn-web users affected", "aggregate": "count_unique(user)", "action": "critical", "value": "{n}"}),
]

OUGHTERSIDE = Company(
    key="gu",
    name="Oughterside Learning",
    domain="oughterside.example",
    sentry_org="oughterside",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(73318, "Oughterside Learn"),
    releases=("17.4.0", "17.5.0", "17.5.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="oughterside-sentry-client-secret",
)
# fmt: on
