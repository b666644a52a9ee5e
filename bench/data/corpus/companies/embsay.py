"""(ej) Embsay Rides, a community cycling app: a React Native 0.74 app built with Expo SDK 51
on Hermes (``rider-app``: routes, group rides, ride logging, club chat) over Supabase, whose
Postgres is read through supabase-js and whose server code runs as Supabase Edge Functions on
Deno (``edge-fns``: ``join-ride``, ``club-invite``, ``strava-sync``, ``send-push``).

Sentry: @sentry/react-native (EAS builds, source maps uploaded for most releases) and
@sentry/deno in the functions. PostHog: posthog-react-native's exception capture. Datadog:
Supabase's log drain ships the functions' ``console.error`` records; log monitors (the
plugin's recommended template) paste the sample. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
RN_RELEASES = ("app.embsay.rides@3.8.0+380", "app.embsay.rides@3.9.0+391", "app.embsay.rides@3.9.1+394")
SERVICES = {
    "rider-app": Service("rider-app", "react-native", "", "", "", "", 7730041, framework="onerror", sdk=("sentry.javascript.react-native", "5.24.3", "npm:@sentry/react-native"), releases=RN_RELEASES),
    "edge-fns": Service("edge-fns", "deno", "ej-supabase-edge", "", "", "", 7730044, "deno 1.45.2", sdk=("sentry.javascript.deno", "8.33.1", "npm:@sentry/deno")),
}


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


def dn(url: str, fn: str, line: int, col: int, *, lib: bool = False, awaited: bool = False) -> Frame:
    return Frame(fn, url, line, "", not lib, "", "", col, "async" if awaited else "")


RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js"
RN_RENDER = (
    rn("node_modules/scheduler/cjs/scheduler.production.min.js", "performWorkUntilDeadline", 10, 207, lib=True),
    rn(RENDERER, "performSyncWorkOnRoot", 7790, 24, lib=True),
    rn(RENDERER, "renderWithHooks", 3851, 22, lib=True),
)
RN_PRESS = (
    rn("node_modules/react-native/Libraries/Pressability/Pressability.js", "_performTransitionSideEffects", 689, 13, lib=True),
    rn("node_modules/react-native/Libraries/Components/Pressable/Pressable.js", "onPress", 235, 9, lib=True),
)
RN_ASYNC = (
    rn("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14, lib=True),
    rn("node_modules/promise/setimmediate/core.js", "anonymous", 123, 25, lib=True),
)
SUPA = "https://esm.sh/@supabase/supabase-js@2.45.4/"
FN = "file:///var/tmp/sb-compile-edge-runtime/functions/"
SERVE = (dn("ext:deno_http/00_serve.ts", "", 383, 20, lib=True, awaited=True),)
POSTGREST = (dn("https://esm.sh/@supabase/postgrest-js@1.16.1/es2022/postgrest-js.mjs", "PostgrestBuilder.then", 2, 3912, lib=True),)
LOGMON = dict(team="backend", monitor="[edge] function errors", filter="source:supabase service:edge-fns level:error", style="sample", lines=6)
LOGKIND = dict(team="backend", monitor="[edge] error kinds", filter="source:supabase service:edge-fns level:error", style="kind")


def fn(name: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*SERVE, dn(f"{FN}{name}/index.ts", "Object.handler", line, col, awaited=True), *more)


def shared(file: str, function: str, line: int, col: int) -> Frame:
    return dn(f"{FN}_shared/{file}", function, line, col, awaited=True)


def pg_error(message: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    # The functions rethrow supabase-js's PostgrestError as an Error with its message.
    return (Exc("Error", message, (*frames, *POSTGREST)),)


BUGS = [
    # Hermes: the same read in two screens (the route's elevation profile, the ride card).
    Bug("ej-route-elevation", "rider-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/screens/RouteDetailScreen.tsx", "RouteDetailScreen", 77, 41)), js=JsError("read-undefined", "route.elevation", "points")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios", release=1), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 4, 5), pair="ej-ridecard-elevation", page="RouteDetail", span=2),
    Bug("ej-ridecard-elevation", "rider-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/components/RideCard.tsx", "RideCard", 29, 36)), js=JsError("read-undefined", "route.elevation", "points")),),
        (see("sentry.error", browser="ios"), see("sentry.error", 2, browser="android"), see("posthog", browser="android"), see("posthog", browser="ios")),
        classes=(3, 4), pair="ej-route-elevation", page="Rides"),
    # The same onPress handler: a not-a-function and a rejected promise.
    Bug("ej-share-fn", "rider-app", (Exc("TypeError", frames=(*RN_PRESS, rn("src/screens/RideSummaryScreen.tsx", "onShare", 118, 22)), js=JsError("not-function", "Sharing", "shareAsync", "(n)")),),
        (see("sentry.error", 2, browser="android"), see("sentry.issue", browser="android"), see("posthog", browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3,), pair="ej-share-permission", page="RideSummary"),
    Bug("ej-share-permission", "rider-app", (Exc("Error", "Call to function 'ExpoMediaLibrary.saveToLibraryAsync' has been rejected.\n→ Caused by: Missing MEDIA_LIBRARY write permission.", (*RN_ASYNC, rn("src/screens/RideSummaryScreen.tsx", "onShare", 124, 11))),),
        (see("sentry.error", 2, browser="android"), see("posthog", 2, browser="android"), see("sentry.alert", rule="rider-app: new issue", browser="android")),
        pair="ej-share-fn", page="RideSummary"),
    # Network failures in two hooks, both through the same fetch wrapper (supabase-js's fetch).
    Bug("ej-feed-network", "rider-app", (Exc("TypeError", "Network request failed", (*RN_ASYNC, rn("src/hooks/useClubFeed.ts", "loadPage", 33, 28), rn("src/lib/api.ts", "invokeFn", 12, 19), rn("node_modules/whatwg-fetch/dist/fetch.umd.js", "xhr.onerror", 541, 18, lib=True))),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="android"), see("posthog", 2, browser="ios")),
        classes=(9,), pair="ej-join-network", page="ClubFeed"),
    Bug("ej-join-network", "rider-app", (Exc("TypeError", "Network request failed", (*RN_ASYNC, rn("src/screens/GroupRideScreen.tsx", "onJoin", 96, 15), rn("src/lib/api.ts", "invokeFn", 12, 19), rn("node_modules/whatwg-fetch/dist/fetch.umd.js", "xhr.onerror", 541, 18, lib=True))),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(9,), pair="ej-feed-network", page="GroupRide"),
    # A date bug in the ride log, spread over three releases.
    Bug("ej-ridelog-date", "rider-app", (Exc("RangeError", "Date value out of bounds", (*RN_RENDER, rn("src/screens/RideLogScreen.tsx", "RideLogScreen", 54, 19), rn("src/utils/format.ts", "formatRideDay", 8, 37))),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="ios", release=2), see("posthog", 2, browser="ios"), see("sentry.issue", browser="ios")),
        classes=(5,), page="RideLog", span=3),
    # Edge functions: duplicate keys on two tables.
    Bug("ej-join-ride-dup", "edge-fns", pg_error('duplicate key value violates unique constraint "ride_participants_pkey"', fn("join-ride", 41, 11)),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGMON), see("datadog.log", **LOGKIND)),
        classes=(4,), pair="ej-club-invite-dup", log="join-ride failed:", entry="POST /functions/v1/join-ride"),
    Bug("ej-club-invite-dup", "edge-fns", pg_error('duplicate key value violates unique constraint "club_invites_club_id_email_key"', fn("club-invite", 58, 9)),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGMON), see("sentry.issue")),
        classes=(4,), pair="ej-join-ride-dup", log="club-invite failed:", entry="POST /functions/v1/club-invite"),
    # Row-level security: the same policy message on two tables.
    Bug("ej-ride-rls", "edge-fns", pg_error('new row violates row-level security policy for table "rides"', fn("join-ride", 63, 13)),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGMON), see("datadog.log", **LOGKIND)),
        classes=(4,), pair="ej-push-token-rls", log="join-ride failed:", entry="POST /functions/v1/join-ride"),
    Bug("ej-push-token-rls", "edge-fns", pg_error('new row violates row-level security policy for table "push_tokens"', fn("send-push", 27, 7)),
        (see("sentry.error", 2), see("datadog.log", **LOGMON), see("datadog.log", **LOGKIND)),
        classes=(4,), pair="ej-ride-rls", log="send-push failed:", entry="POST /functions/v1/send-push"),
    # Strava sync: a 429 and a JSON parse error from the same shared helper.
    Bug("ej-strava-429", "edge-fns", (Exc("Error", "Strava API 429: Rate Limit Exceeded", (*fn("strava-sync", 35, 22), shared("strava.ts", "stravaGet", 19, 11))),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGMON)),
        classes=(9,), pair="ej-strava-json", log="strava-sync failed:", entry="POST /functions/v1/strava-sync", span=2),
    Bug("ej-strava-json", "edge-fns", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*fn("strava-sync", 35, 22), shared("strava.ts", "stravaGet", 23, 29), dn("ext:deno_fetch/22_body.js", "Response.json", 374, 12, lib=True, awaited=True), Frame("parse", "<anonymous>", 0, "", False))),),
        (see("sentry.error", 2), see("datadog.log", **LOGMON), see("sentry.issue")),
        classes=(9,), pair="ej-strava-429", log="strava-sync failed:", entry="POST /functions/v1/strava-sync"),
    # Expo push: a DeviceNotRegistered ticket error thrown by the function.
    Bug("ej-push-unregistered", "edge-fns", (Exc("Error", 'Expo push ticket error: DeviceNotRegistered ("ExponentPushToken[{hex}]" is not a registered push notification recipient)', (*fn("send-push", 44, 15), shared("expo.ts", "checkTickets", 31, 13))),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGMON), see("datadog.log", **LOGKIND)),
        log="send-push failed:", entry="POST /functions/v1/send-push"),
    # Worker resource limit: Supabase stops the isolate (no stack in the drain).
    Bug("ej-strava-cpu", "edge-fns", (),
        (see("datadog.log", 3, team="backend", monitor="[edge] function shutdowns", filter="source:supabase service:edge-fns", text="shutdown: strava-sync isolate {uuid} WorkerLimit: CPU time limit reached (2000ms)"),),
        classes=(8,)),
    # A singleton: a crash once in the map screen on an old Android.
    Bug("ej-map-crash", "rider-app", (Exc("Error", "Requiring unknown module \"undefined\". If you are sure the module exists, try restarting Metro. You may also want to run `yarn` or `npm install`.", (rn("node_modules/metro-runtime/src/polyfills/require.js", "metroRequire", 88, 15, lib=True), rn("src/screens/MapScreen.tsx", "MapScreen", 12, 3))),),
        (see("sentry.error", browser="android"),),
        singleton=True, page="Map"),
]

NOISE = [
    Noise("ej-noise-eas-update", "rider-app", "datadog.event", {"monitor": "EAS Update published to production", "text": "EAS Update group published for app.embsay.rides runtime 3.9.0 (android, ios).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "mobile"}),
    Noise("ej-noise-fn-deploy", "edge-fns", "datadog.event", {"monitor": "supabase functions deploy", "text": "Deployed Functions join-ride, club-invite on project embsay-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "backend"}),
    Noise("ej-noise-crashfree", "rider-app", "sentry.metric", {"rule": "rider-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "action": "resolved", "value": "{crashfree}"}),
]

EMBSAY = Company(
    key="ej",
    name="Embsay Rides",
    domain="embsay.example",
    sentry_org="embsay",
    splunk_url="",
    splunk_guid="",
    datadog_org=("660381", "Embsay Rides"),
    datadog_template="recommended",
    posthog_project=(81207, "Embsay rider app"),
    releases=("1.12.0", "1.13.0", "1.13.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="embsay-sentry-client-secret",
)
# fmt: on
